package io.tributary.produce;

import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapSetter;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeader;
import java.nio.charset.StandardCharsets;

/**
 * Writes the current span (the produce operation's, when tracing is on) into a record as W3C {@code traceparent}
 * (and {@code tracestate}) headers, so a consumer downstream continues the trace. A record whose request set its own
 * {@code traceparent} keeps it; with tracing off there is no valid span and nothing is added.
 */
final class TraceparentHeader {
  static final String NAME = "traceparent";
  private static final TextMapSetter<Headers> SETTER = (headers, name, value) ->
      headers.add(new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8)));

  private TraceparentHeader() {
  }

  static void addCurrentUnlessSet(Headers headers) {
    if (headers.lastHeader(NAME) == null) {
      W3CTraceContextPropagator.getInstance().inject(Context.current(), headers, SETTER);
    }
  }
}
