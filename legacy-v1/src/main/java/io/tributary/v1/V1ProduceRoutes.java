package io.tributary.v1;

import io.tributary.core.bus.ProduceOps;
import io.tributary.core.error.ErrorCode;
import io.tributary.core.error.TributaryException;
import io.tributary.core.format.EmbeddedFormat;
import io.tributary.core.produce.InternalTopics;
import io.tributary.core.produce.ProduceFormat;
import io.tributary.core.produce.ProduceGeneration;
import io.tributary.core.produce.ProduceOrigin;
import io.tributary.core.produce.ProduceRequest;
import io.tributary.core.produce.ProduceResult;
import io.tributary.formats.FormatConverter;
import io.tributary.formats.ProduceRecordsReader;
import io.tributary.formats.ProduceRecordsReader.PreparedRecords;
import io.tributary.formats.ProduceRecordsReader.RecordPartition;
import io.tributary.http.JsonBodies;
import io.tributary.http.ProduceOffsets;
import io.tributary.http.Responses;
import io.tributary.http.RouteContext;
import io.tributary.http.auth.Access;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Optional;

/**
 * v1 produce: {@code POST /topics/{topic}} and {@code POST /topics/{topic}/partitions/{partition}}. The Content-Type
 * selects the embedded format (binary, json or avro); requests in other media types are left to later routes on the
 * same paths. The whole body is converted (avro by the format converters) before the produce engine sees it, so a
 * rejected request writes nothing, and topics are created on first use, as a broker with
 * {@code auto.create.topics.enable} would.
 */
final class V1ProduceRoutes {
  // v1's rules: records of the partition endpoint may not name a partition; bad base64 is 422 with the codec's
  // message ("Record value contains invalid base64 encoding"), as kafka-rest ≤5.5 answered; avro failures keep the
  // converters' codes (42203 for data that does not fit its schema, 42205 for a bad schema).
  private static final ProduceRecordsReader RECORDS = new ProduceRecordsReader(
      RecordPartition.REFUSED_ON_PARTITION_PATH,
      (failure, data) -> ErrorCode.UNPROCESSABLE_ENTITY.toException(failure.getMessage()));

  private final RouteContext deps;
  private final FormatConverter converter;
  private final InternalTopics internal;

  V1ProduceRoutes(RouteContext deps) {
    this.deps = deps;
    this.converter = FormatConverter.over(deps.bus()::request);
    this.internal = InternalTopics.from(deps.config());
  }

  void mount(Router router) {
    router.post("/topics/:topic").handler(ctx -> produce(ctx, false));
    router.post("/topics/:topic/partitions/:partition").handler(ctx -> produce(ctx, true));
  }

  private void produce(RoutingContext ctx, boolean toPartition) {
    Optional<EmbeddedFormat> format = V1ProduceMedia.requestFormat(ctx.request().getHeader("Content-Type"));
    if (format.isEmpty()) {
      V1MediaTypes.decline(ctx, 415);
      return;
    }
    Optional<String> responseType = V1MediaTypes.negotiate(ctx, V1MediaTypes.PLAIN_RESPONSES);
    if (responseType.isEmpty()) {
      return;
    }
    String topic = ctx.pathParam("topic");
    Integer partition;
    try {
      Access.requireProduce(ctx, internal, topic);
      partition = toPartition ? pathPartition(ctx) : null;
    } catch (TributaryException e) {
      ctx.fail(e);
      return;
    }
    RECORDS.prepare(ctx.body().buffer(), () -> JsonBodies.object(ctx), topic, format.get(), partition, converter,
        Access.principal(ctx)).compose(prepared -> deps.bus()
        .request(ProduceOps.SEND, new ProduceRequest(topic, prepared.records(), true,
            new ProduceOrigin(ProduceGeneration.V1, ProduceFormat.of(format.get()))))
        .onSuccess(result -> respond(ctx, responseType.get(), result, partition, prepared)))
        .onFailure(ctx::fail);
  }

  private static void respond(RoutingContext ctx, String type, ProduceResult result, Integer partition,
      PreparedRecords prepared) {
    Responses.rendered(ctx, ProduceOffsets.status(result), type,
        ProduceOffsets.render(result, partition, prepared.keySchemaId(), prepared.valueSchemaId()));
  }

  private static int pathPartition(RoutingContext ctx) {
    try {
      return Integer.parseInt(ctx.pathParam("partition"));
    } catch (NumberFormatException e) {
      // JAX-RS answered a path parameter that does not convert with a plain 404.
      throw ErrorCode.NOT_FOUND.toException();
    }
  }
}
