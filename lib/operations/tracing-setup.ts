/**
 * OpenTelemetry for the web server, configured by the standard OTEL_* variables (exporter,
 * endpoint, protocol, headers, sampling, batch delay: the SDK reads them itself) and off unless
 * one of them names where traces go. Loaded from instrumentation.ts; the SDK is imported only
 * when tracing is on, so an install without a collector loads none of it.
 *
 * What is traced: Next.js's own spans (each request), the chat path's spans (lib/operations/
 * tracing.ts: retrieval and its legs, the follow-up rewrite, persistence) and the AI SDK's model
 * call. What is not: the text of questions, passages and answers (answer.ts turns the AI SDK's
 * recording of inputs and outputs off), since a tracing backend is not subject to the documents'
 * access rules.
 */
export function tracingConfigured(env: Record<string, string | undefined>): boolean {
  if (env.OTEL_SDK_DISABLED === "true" || env.OTEL_TRACES_EXPORTER === "none") return false;
  return Boolean(env.OTEL_EXPORTER_OTLP_ENDPOINT || env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT || env.OTEL_TRACES_EXPORTER);
}

export async function startTracing(env: NodeJS.ProcessEnv = process.env) {
  if (!tracingConfigured(env)) return;
  env.OTEL_SERVICE_NAME ??= "groundwork";
  const [{ NodeSDK }, { registerTelemetry }, { OpenTelemetry }] = await Promise.all([
    import("@opentelemetry/sdk-node"), import("ai"), import("@ai-sdk/otel"),
  ]);
  new NodeSDK().start();
  registerTelemetry(new OpenTelemetry());
}
