"use client";

import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { tooLargeMessage } from "@/lib/ingest/upload-limit";
import type { DocumentRow } from "./document-table";

interface FileState {
  name: string;
  loaded: number;
  total: number;
  message?: string;
  ok?: boolean;
  /** The version the upload queued, followed until ingestion is final. */
  queued?: { documentId: string; number: number };
  /** Ingestion of that version, as last polled: queued, processing, ready or failed. */
  status?: string;
  error?: string | null;
}

interface UploadResponse {
  outcome?: string;
  documentId?: string;
  number?: number;
  error?: { message: string };
}

const POLL_MS = 1500;
const inProgress = (f: FileState) => f.queued !== undefined && (f.status === "queued" || f.status === "processing");

/** XMLHttpRequest rather than fetch: only it reports upload progress. */
function send(file: File, groups: string[], documentId: string | undefined, onProgress: (loaded: number) => void): Promise<{ status: number; body: UploadResponse | null }> {
  return new Promise((resolve) => {
    const body = new FormData();
    body.set("file", file);
    for (const g of groups) body.append("group", g);
    if (documentId) body.set("documentId", documentId);
    const xhr = new XMLHttpRequest();
    xhr.open("POST", "/api/documents");
    xhr.upload.onprogress = (e) => onProgress(e.loaded);
    xhr.onload = () => {
      let json: UploadResponse | null = null;
      try {
        json = JSON.parse(xhr.responseText) as UploadResponse;
      } catch {
        // not JSON: reported below as a failed upload
      }
      resolve({ status: xhr.status, body: json });
    };
    xhr.onerror = () => resolve({ status: 0, body: null });
    xhr.send(body);
  });
}

function outcomeMessage(status: number, body: UploadResponse | null): { ok: boolean; message: string } {
  if (status >= 200 && status < 300 && body?.outcome === "unchanged") return { ok: true, message: `unchanged: identical to version ${body.number}` };
  if (status >= 200 && status < 300) return { ok: true, message: `queued as version ${body?.number}` };
  return { ok: false, message: body?.error?.message ?? "Upload failed. Check your connection and try again." };
}

interface Props {
  groups: string[];
  /** Set on a document's page: the file becomes that document's next version, whatever its name. */
  documentId?: string;
  /** UPLOAD_MAX_BYTES: a larger file is refused here, without sending it (the server refuses it too). */
  maxBytes: number;
}

export function UploadForm({ groups, documentId, maxBytes }: Props) {
  const router = useRouter();
  const [files, setFiles] = useState<FileState[]>([]);
  const [readers, setReaders] = useState<string[]>([]);
  const [dragging, setDragging] = useState(false);
  const busy = files.some((f) => f.ok === undefined);
  const total = files.reduce((sum, f) => sum + f.total, 0);
  const loaded = files.reduce((sum, f) => sum + f.loaded, 0);
  const ingesting = files.some(inProgress);

  // Follows each queued version until it is ready or failed, so the list never ends on "queued".
  useEffect(() => {
    if (!ingesting) return;
    const timer = setInterval(async () => {
      const response = await fetch("/api/documents").catch(() => null);
      if (!response?.ok) return;
      const rows = new Map(((await response.json()) as { documents: DocumentRow[] }).documents.map((r) => [r.id, r]));
      setFiles((prev) =>
        prev.map((f) => {
          const row = f.queued && rows.get(f.queued.documentId);
          if (!row || !inProgress(f)) return f;
          // A newer version took its place: this one's outcome is no longer shown anywhere, stop following.
          if (row.latestVersion !== f.queued!.number) return { ...f, status: "replaced" };
          return { ...f, status: row.latestStatus, error: row.latestError };
        }),
      );
    }, POLL_MS);
    return () => clearInterval(timer);
  }, [ingesting]);
  // Once every file is final, the page's own lists (versions, documents) catch up too.
  const followed = files.some((f) => f.queued);
  useEffect(() => {
    if (followed && !ingesting) router.refresh();
  }, [followed, ingesting, router]);

  async function upload(list: FileList | null) {
    if (!list || list.length === 0 || busy) return;
    const chosen = Array.from(list);
    setFiles(chosen.map((f) => ({ name: f.name, loaded: 0, total: f.size })));
    const update = (i: number, patch: Partial<FileState>) => setFiles((prev) => prev.map((f, j) => (j === i ? { ...f, ...patch } : f)));
    // Two at a time: parallel enough to keep the line busy, gentle on the server.
    let next = 0;
    const lane = async () => {
      for (let i = next++; i < chosen.length; i = next++) {
        if (chosen[i]!.size > maxBytes) {
          update(i, { ok: false, message: tooLargeMessage(chosen[i]!.name, maxBytes) });
          continue;
        }
        const { status, body } = await send(chosen[i]!, readers, documentId, (l) => update(i, { loaded: l }));
        const outcome = outcomeMessage(status, body);
        const queued = outcome.ok && body?.outcome === "queued" && body.documentId && body.number ? { documentId: body.documentId, number: body.number } : undefined;
        update(i, { loaded: chosen[i]!.size, ...outcome, queued, status: queued ? "queued" : undefined });
      }
    };
    await Promise.all([lane(), lane()]);
    router.refresh();
  }

  return (
    <div className="flex flex-col gap-3">
      <div
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={(e) => {
          e.preventDefault();
          setDragging(false);
          void upload(e.dataTransfer.files);
        }}
        className={`flex flex-col items-center gap-2 rounded-lg border-2 border-dashed p-6 text-sm ${dragging ? "border-blue-500 bg-blue-50 dark:bg-blue-950" : "border-zinc-300 dark:border-zinc-700"}`}
      >
        <p>Drop files here, or</p>
        <label className="cursor-pointer rounded-md bg-zinc-900 px-4 py-2 font-medium text-white dark:bg-zinc-100 dark:text-zinc-900">
          {busy ? "Uploading…" : documentId ? "Upload a new version" : "Upload documents"}
          <input
            type="file"
            multiple={!documentId}
            className="sr-only"
            accept=".md,.markdown,.txt,.html,.htm,.pdf,.docx,.pptx,.xlsx"
            onChange={(e) => {
              void upload(e.target.files);
              e.target.value = "";
            }}
          />
        </label>
        {!documentId && (
          <fieldset className="flex flex-wrap items-center gap-3">
            <legend className="sr-only">Who may read the uploaded documents</legend>
            <span>Readers:</span>
            {groups.length === 0 && <span className="text-zinc-500 dark:text-zinc-400">everyone (no groups yet)</span>}
            {groups.map((g) => (
              <label key={g} className="flex items-center gap-1">
                <input
                  type="checkbox"
                  checked={readers.includes(g)}
                  onChange={(e) => setReaders((r) => (e.target.checked ? [...r, g] : r.filter((x) => x !== g)))}
                />
                {g}
              </label>
            ))}
            {groups.length > 0 && readers.length === 0 && <span className="text-zinc-500 dark:text-zinc-400">(none ticked: everyone)</span>}
          </fieldset>
        )}
      </div>
      {files.length > 0 && (
        <div className="flex flex-col gap-2 text-sm" aria-live="polite">
          <label className="flex items-center gap-2">
            All files
            <progress className="w-48" max={total || 1} value={loaded} aria-label="Overall upload progress" />
          </label>
          <ul className="flex flex-col gap-1">
            {files.map((f, i) => (
              <li key={i} className="flex flex-wrap items-center gap-2" data-testid="upload-item">
                {f.ok === false ? (
                  // Refused: no bar that reads as done, the reason in red.
                  <span className="w-32 font-medium text-red-700 dark:text-red-400">Rejected</span>
                ) : (
                  <progress className="w-32" max={f.total || 1} value={f.loaded} aria-label={`Upload progress of ${f.name}`} />
                )}
                <span className={f.ok === false ? "text-red-700 dark:text-red-400" : undefined} role={f.ok === false ? "alert" : undefined}>
                  {f.name}
                  {f.message && `: ${f.message}`}
                </span>
                {f.status && f.status !== "replaced" && <IngestStatus status={f.status} error={f.error ?? null} />}
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}

/** Where ingestion of an uploaded version stands; a failure in red with its reason. */
function IngestStatus({ status, error }: { status: string; error: string | null }) {
  const failed = status === "failed";
  const colour = failed ? "bg-red-50 text-red-800 dark:bg-red-950 dark:text-red-200" : status === "ready" ? "bg-green-50 text-green-800 dark:bg-green-950 dark:text-green-200" : "bg-zinc-100 text-zinc-700 dark:bg-zinc-800 dark:text-zinc-300";
  return (
    <span data-testid="upload-status" className={`rounded px-1.5 py-0.5 text-xs ${colour}`} role={failed ? "alert" : undefined}>
      {status === "processing" ? "processing…" : status}
      {failed && error ? `: ${error}` : ""}
    </span>
  );
}
