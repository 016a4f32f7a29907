package io.tributary.server;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.UnknownFieldSet;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An in-process OTLP/HTTP collector for tests: accepts {@code POST /v1/traces} (protobuf) and keeps the spans. The
 * bodies are read with protobuf's schema-less parser, by the field numbers of opentelemetry-proto's
 * {@code ExportTraceServiceRequest} (resource_spans 1 / scope_spans 2 / spans 2; span: trace_id 1, span_id 2,
 * links 13; link: trace_id 1, span_id 2).
 */
final class OtlpReceiver implements AutoCloseable {
  /** One exported span, ids as lowercase hex. */
  record ExportedSpan(String traceId, String spanId, List<String> linkedTraceIds) {}

  private final Vertx vertx = Vertx.vertx();
  private final List<ExportedSpan> spans = new CopyOnWriteArrayList<>();
  private final HttpServer server;

  OtlpReceiver() {
    server = vertx.createHttpServer().requestHandler(request -> {
      if (request.method() != HttpMethod.POST || !"/v1/traces".equals(request.path())) {
        request.response().setStatusCode(404).end();
        return;
      }
      request.body().onSuccess(body -> {
        try {
          spans.addAll(parse(body.getBytes()));
          // An empty ExportTraceServiceResponse: the exporter counts the batch as delivered.
          request.response().putHeader("content-type", "application/x-protobuf").end();
        } catch (InvalidProtocolBufferException e) {
          request.response().setStatusCode(400).end();
        }
      });
    }).listen(0, "127.0.0.1").await();
  }

  int port() {
    return server.actualPort();
  }

  List<ExportedSpan> spans() {
    return List.copyOf(spans);
  }

  @Override
  public void close() {
    vertx.close().await();
  }

  private static List<ExportedSpan> parse(byte[] body) throws InvalidProtocolBufferException {
    List<ExportedSpan> out = new ArrayList<>();
    for (ByteString resourceSpans : messages(UnknownFieldSet.parseFrom(body), 1)) {
      for (ByteString scopeSpans : messages(UnknownFieldSet.parseFrom(resourceSpans), 2)) {
        for (ByteString span : messages(UnknownFieldSet.parseFrom(scopeSpans), 2)) {
          UnknownFieldSet fields = UnknownFieldSet.parseFrom(span);
          List<String> links = new ArrayList<>();
          for (ByteString link : messages(fields, 13)) {
            links.add(hex(messages(UnknownFieldSet.parseFrom(link), 1)));
          }
          out.add(new ExportedSpan(hex(messages(fields, 1)), hex(messages(fields, 2)), links));
        }
      }
    }
    return out;
  }

  private static List<ByteString> messages(UnknownFieldSet fields, int number) {
    return fields.hasField(number) ? fields.getField(number).getLengthDelimitedList() : List.of();
  }

  private static String hex(List<ByteString> values) {
    return values.isEmpty() ? "" : HexFormat.of().formatHex(values.get(0).toByteArray());
  }
}
