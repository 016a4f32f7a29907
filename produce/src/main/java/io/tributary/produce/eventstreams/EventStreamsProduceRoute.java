package io.tributary.produce.eventstreams;

import io.tributary.core.bus.ProduceOps;
import io.tributary.core.bus.BusFailures;
import io.tributary.core.error.TributaryException;
import io.tributary.core.produce.InternalTopics;
import io.tributary.core.produce.OutgoingRecord;
import io.tributary.core.produce.ProduceFormat;
import io.tributary.core.produce.ProduceGeneration;
import io.tributary.core.produce.ProduceOrigin;
import io.tributary.core.produce.ProduceRequest;
import io.tributary.core.produce.RecordReceipt;
import io.tributary.http.Bus;
import io.tributary.http.Responses;
import io.tributary.http.RouteContext;
import io.tributary.http.auth.Access;
import io.tributary.http.error.EventStreamsErrorRenderer;
import io.tributary.http.media.KafkaMediaTypes;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.List;

/**
 * {@code POST /topics/{topic}/records}. Checks, in order: credential (401) and rate (429), permission to produce
 * and a topic that is not internal (403), Content-Type (415), the query and body (400, 411), then the engine
 * produces with {@code autoCreate=false} (404 for a missing topic: Event Streams never creates topics). The answer is
 * always {@code application/json}.
 */
final class EventStreamsProduceRoute {
  private final Bus bus;
  private final EventStreamsRecordParser parser;
  private final InternalTopics internal;

  EventStreamsProduceRoute(RouteContext deps) {
    this.bus = deps.bus();
    this.internal = InternalTopics.from(deps.config());
    this.parser = new EventStreamsRecordParser(EventStreamsLimits.from(deps.config()));
  }

  void handle(RoutingContext ctx) {
    String topic = ctx.pathParam("topic");
    EventStreamsErrorRenderer.topic(ctx, topic);
    ProduceRequest request;
    try {
      EventStreamsErrorRenderer.INSTANCE.use(ctx);
      Access.requireProduce(ctx, internal, topic);
      EventStreamsContentTypes.Kind kind = EventStreamsContentTypes.of(ctx.request().getHeader("Content-Type"));
      OutgoingRecord record = parser.parse(ctx.queryParams(), ctx.body().buffer(), kind);
      request = new ProduceRequest(topic, List.of(record), false, new ProduceOrigin(ProduceGeneration.EVENTSTREAMS,
          kind == EventStreamsContentTypes.Kind.JSON ? ProduceFormat.JSON : ProduceFormat.RAW));
    } catch (TributaryException e) {
      ctx.fail(e);
      return;
    }
    bus.request(ProduceOps.SEND, request).onComplete(ar -> {
      if (ar.failed()) {
        fail(ctx, EventStreamsFailures.ofRequest(BusFailures.asTributary(ar.cause()), topic));
        return;
      }
      RecordReceipt receipt = ar.result().receipts().get(0);
      if (!receipt.succeeded()) {
        fail(ctx, EventStreamsFailures.ofReceipt(receipt));
        return;
      }
      Responses.json(ctx, 200, KafkaMediaTypes.JSON, new JsonObject().put("metadata", new JsonObject()
          .put("topic", topic)
          .put("timestamp", String.valueOf(receipt.timestamp()))
          .put("partition", receipt.partition())
          .put("offset", receipt.offset())));
    });
  }

  private static void fail(RoutingContext ctx, EventStreamsFailures.Mapped failure) {
    if (failure.kafkaErrorCode() != null) {
      EventStreamsErrorRenderer.kafkaErrorCode(ctx, failure.kafkaErrorCode());
    }
    ctx.fail(failure.error());
  }
}
