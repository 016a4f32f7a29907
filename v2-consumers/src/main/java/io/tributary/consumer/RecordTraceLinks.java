package io.tributary.consumer;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.tributary.core.consumer.ConsumedRecord;
import io.tributary.core.produce.RecordHeader;
import io.vertx.core.Future;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Function;

/**
 * Links a consumer read's span (the one Vert.x opened for the engine operation, when tracing is on) to the traces of
 * the records it returns, read from their W3C {@code traceparent} headers: a trace viewer then leads from a read to
 * the produce requests that wrote its records. The SDK caps the links per span (128 by default).
 */
final class RecordTraceLinks {
  private static final TextMapGetter<ConsumedRecord> HEADERS = new TextMapGetter<>() {
    @Override
    public Iterable<String> keys(ConsumedRecord record) {
      return record.headers().stream().map(RecordHeader::name).toList();
    }

    @Override
    public String get(ConsumedRecord record, String name) {
      String found = null;
      for (RecordHeader header : record.headers()) {
        if (header.name().equals(name) && header.value() != null) {
          found = new String(header.value(), StandardCharsets.UTF_8);
        }
      }
      return found;
    }
  };

  private RecordTraceLinks() {
  }

  /** Runs {@code read} and links the span current at the call to the traces of the records it returns. */
  static <Q, R> Function<Q, Future<R>> linked(Function<Q, Future<R>> read,
      Function<R, List<ConsumedRecord>> recordsOf) {
    return request -> {
      Span span = Span.current();
      Future<R> result = read.apply(request);
      if (!span.getSpanContext().isValid()) {
        return result;
      }
      return result.onSuccess(reply -> link(span, recordsOf.apply(reply)));
    };
  }

  private static void link(Span span, List<ConsumedRecord> records) {
    for (ConsumedRecord record : records) {
      SpanContext producer = Span.fromContext(
          W3CTraceContextPropagator.getInstance().extract(Context.root(), record, HEADERS)).getSpanContext();
      if (producer.isValid()) {
        span.addLink(producer);
      }
    }
  }
}
