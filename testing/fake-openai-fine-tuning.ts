import http from "node:http";
import type { AddressInfo } from "node:net";

/**
 * A stand-in for OpenAI's fine-tuning API, written against its documented contract: files
 * (multipart upload, content), jobs (create, retrieve, events, cancel) and the job states
 * validating_files, queued, running, succeeded, failed, cancelled. Each retrieve moves a job one
 * step along its script, so a test drives a whole run by polling. Used by tests only.
 */
type State = "validating_files" | "queued" | "running" | "succeeded" | "failed" | "cancelled";

export interface FakeJob {
  id: string;
  model: string;
  training_file: string;
  validation_file: string | null;
  suffix: string | null;
  method: unknown;
  metadata: Record<string, string> | null;
  status: State;
  script: State[];
  events: { object: "fine_tuning.job.event"; id: string; created_at: number; level: string; message: string; type: string; data: Record<string, unknown> | null }[];
}

export interface FakeFile {
  id: string;
  purpose: string;
  filename: string;
  content: string;
}

export interface FakeOpenAI {
  url: string;
  apiKey: string;
  files: Map<string, FakeFile>;
  jobs: Map<string, FakeJob>;
  /** The states the next created job goes through after validating_files, one per retrieve. */
  script: State[];
  /** Answer the next request whose "METHOD path" matches with this HTTP status instead. */
  failNext(match: RegExp, status: number, message?: string): void;
  requests: string[];
  close(): Promise<void>;
}

const RESULT_CSV = "step,train_loss,train_accuracy,valid_loss,valid_mean_token_accuracy\n1,1.92,0.61,,\n2,0.41,0.9,0.52,0.87\n";

export async function startFakeOpenAI(apiKey = "sk-fake"): Promise<FakeOpenAI> {
  const files = new Map<string, FakeFile>();
  const jobs = new Map<string, FakeJob>();
  const faults: { match: RegExp; status: number; message: string }[] = [];
  const requests: string[] = [];
  let seq = 0;
  const fake = { files, jobs, script: ["queued", "running", "succeeded"] as State[], requests } as FakeOpenAI;

  const send = (res: http.ServerResponse, status: number, body: unknown) => {
    res.writeHead(status, { "content-type": typeof body === "string" ? "text/plain" : "application/json" });
    res.end(typeof body === "string" ? body : JSON.stringify(body));
  };
  const error = (res: http.ServerResponse, status: number, message: string) => send(res, status, { error: { message, type: "invalid_request_error", param: null, code: null } });
  const view = (job: FakeJob) => ({
    object: "fine_tuning.job",
    id: job.id,
    model: job.model,
    status: job.status,
    metadata: job.metadata,
    training_file: job.training_file,
    validation_file: job.validation_file,
    fine_tuned_model: job.status === "succeeded" ? `ft:${job.model}:acme:${job.suffix ?? ""}:${job.id.slice(-6)}` : null,
    trained_tokens: job.status === "succeeded" ? 4242 : null,
    result_files: job.status === "succeeded" ? [`file-result-${job.id}`] : [],
    error: job.status === "failed" ? { code: "invalid_training_file", message: "The training file has 3 examples with no assistant message.", param: "training_file" } : null,
  });
  const event = (job: FakeJob, message: string, type = "message", data: Record<string, unknown> | null = null) =>
    job.events.push({ object: "fine_tuning.job.event", id: `ftevent-${++seq}`, created_at: 1_700_000_000 + seq, level: job.status === "failed" ? "error" : "info", message, type, data });

  const server = http.createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const raw = Buffer.concat(chunks);
    const url = new URL(req.url ?? "/", "http://fake");
    const route = `${req.method} ${url.pathname}`;
    requests.push(route);
    const fault = faults.findIndex((f) => f.match.test(route));
    if (fault >= 0) {
      const [f] = faults.splice(fault, 1);
      return error(res, f!.status, f!.message);
    }
    if (req.headers.authorization !== `Bearer ${apiKey}`) return error(res, 401, "Incorrect API key provided.");

    if (route === "POST /v1/files") {
      const form = await new Request("http://fake/", { method: "POST", headers: { "content-type": req.headers["content-type"] ?? "" }, body: raw }).formData();
      const file = form.get("file");
      if (form.get("purpose") !== "fine-tune" || !(file instanceof Blob)) return error(res, 400, "purpose must be fine-tune and file a file");
      const id = `file-${++seq}`;
      files.set(id, { id, purpose: "fine-tune", filename: (file as File).name, content: await file.text() });
      return send(res, 200, { object: "file", id, purpose: "fine-tune", filename: (file as File).name, bytes: file.size, status: "processed" });
    }
    const content = url.pathname.match(/^\/v1\/files\/([^/]+)\/content$/);
    if (req.method === "GET" && content) {
      if (content[1]!.startsWith("file-result-")) return send(res, 200, RESULT_CSV);
      const file = files.get(content[1]!);
      return file ? send(res, 200, file.content) : error(res, 404, `No such File object: ${content[1]}`);
    }
    if (route === "POST /v1/fine_tuning/jobs") {
      const body = JSON.parse(raw.toString()) as Record<string, unknown>;
      if (!files.has(String(body.training_file))) return error(res, 400, `invalid training_file: ${String(body.training_file)}`);
      if (!body.model) return error(res, 400, "model is required");
      const job: FakeJob = {
        id: `ftjob-${++seq}`,
        model: String(body.model),
        training_file: String(body.training_file),
        validation_file: body.validation_file ? String(body.validation_file) : null,
        suffix: body.suffix ? String(body.suffix) : null,
        method: body.method,
        metadata: (body.metadata as Record<string, string> | undefined) ?? null,
        status: "validating_files",
        script: [...fake.script],
        events: [],
      };
      event(job, `Validating training file: ${job.training_file}`);
      jobs.set(job.id, job);
      return send(res, 200, view(job));
    }
    if (route === "GET /v1/fine_tuning/jobs") {
      const filters = [...url.searchParams].flatMap(([k, v]) => {
        const key = k.match(/^metadata\[(.+)\]$/)?.[1];
        return key ? [[key, v] as const] : [];
      });
      const matching = [...jobs.values()].reverse().filter((j) => filters.every(([k, v]) => j.metadata?.[k] === v));
      return send(res, 200, { object: "list", data: matching.slice(0, Number(url.searchParams.get("limit") ?? 20)).map(view), has_more: false });
    }
    const jobRoute = url.pathname.match(/^\/v1\/fine_tuning\/jobs\/([^/]+)(\/events|\/cancel)?$/);
    const job = jobRoute ? jobs.get(decodeURIComponent(jobRoute[1]!)) : undefined;
    if (jobRoute && !job) return error(res, 404, `No such fine-tuning job: ${jobRoute[1]}`);
    if (job && req.method === "GET" && !jobRoute![2]) {
      const next = job.status === "cancelled" ? undefined : job.script.shift();
      if (next) {
        job.status = next;
        if (next === "running") event(job, "Step 1/2: training loss=1.92", "metrics", { step: 1, train_loss: 1.92, train_mean_token_accuracy: 0.61 });
        event(job, next === "succeeded" ? "The job has successfully completed" : next === "failed" ? "The job failed" : `Job is ${next}`);
      }
      return send(res, 200, view(job));
    }
    if (job && req.method === "GET" && jobRoute![2] === "/events") {
      const limit = Number(url.searchParams.get("limit") ?? 20);
      return send(res, 200, { object: "list", data: [...job.events].reverse().slice(0, limit), has_more: job.events.length > limit });
    }
    if (job && req.method === "POST" && jobRoute![2] === "/cancel") {
      if (["succeeded", "failed", "cancelled"].includes(job.status)) return error(res, 400, `Job has already ${job.status}.`);
      job.status = "cancelled";
      job.script = [];
      event(job, "Job was cancelled");
      return send(res, 200, view(job));
    }
    error(res, 404, `Unknown route ${route}`);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  fake.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
  fake.apiKey = apiKey;
  fake.failNext = (match, status, message = "The server had an error while processing your request.") => void faults.push({ match, status, message });
  fake.close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  return fake;
}
