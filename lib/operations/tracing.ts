import { SpanStatusCode, trace, type Attributes } from "@opentelemetry/api";

/**
 * Spans of the chat path (retrieval legs, persistence) for OpenTelemetry. Without a registered
 * tracer provider (instrumentation.ts registers one only when OTEL_* variables name an exporter)
 * the API hands out no-op spans, so tracing costs nothing when it is off.
 */
const tracer = trace.getTracer("groundwork");

/** Runs `work` inside a span named `name`, a child of the span active when it is called. */
export function traced<T>(name: string, attributes: Attributes, work: () => Promise<T>): Promise<T> {
  return tracer.startActiveSpan(name, { attributes }, async (span) => {
    try {
      return await work();
    } catch (err) {
      span.recordException(err instanceof Error ? err : String(err));
      span.setStatus({ code: SpanStatusCode.ERROR });
      throw err;
    } finally {
      span.end();
    }
  });
}
