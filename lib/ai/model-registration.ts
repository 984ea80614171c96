import { z } from "zod";
import { AppError } from "../errors";
import type { ModelSpec } from "./registry";

const endpoint = z.object({
  provider: z.enum(["openai", "openai-compatible"], "Choose a provider."),
  model: z.string().trim().min(1, "Enter the provider's model id, e.g. gpt-4.1-mini."),
  baseUrl: z.union([z.literal(""), z.url("Enter a full URL, e.g. http://localhost:11434/v1.")]),
});
const registration = endpoint.extend({ name: z.string().trim().min(1, "Give the model a name.").max(100) });

const fields = (form: FormData, names: string[]) => Object.fromEntries(names.map((k) => [k, String(form.get(k) ?? "").trim()]));
const refuse = (error: z.ZodError): never => {
  throw new AppError("bad_request", error.issues.map((i) => i.message).join(" "));
};

/** An OpenAI-compatible model is only reachable at its own server: refuses one without a base URL. */
export function requireServerUrl(provider: string, baseUrl: string | null | undefined) {
  if (provider === "openai-compatible" && !baseUrl) throw new AppError("bad_request", "An OpenAI-compatible model needs its server's base URL, e.g. http://localhost:11434/v1.");
}

/** A model's endpoint as an admin's form gives it (provider, model id, base URL), or a readable refusal. */
export function readModelEndpoint(form: FormData): ModelSpec {
  const parsed = endpoint.safeParse(fields(form, ["provider", "model", "baseUrl"]));
  if (!parsed.success) return refuse(parsed.error);
  requireServerUrl(parsed.data.provider, parsed.data.baseUrl);
  return { ...parsed.data, baseUrl: parsed.data.baseUrl || null };
}

/** The same with the name it is registered under (its model id when none is given). */
export function readModelRegistration(form: FormData) {
  const given = fields(form, ["name", "provider", "model", "baseUrl"]);
  const parsed = registration.safeParse({ ...given, name: given.name || given.model });
  if (!parsed.success) return refuse(parsed.error);
  return { ...parsed.data, baseUrl: parsed.data.baseUrl || undefined };
}
