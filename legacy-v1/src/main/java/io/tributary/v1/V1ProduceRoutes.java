package io.tributary.v1;

import io.tributary.core.bus.ProduceOps;
import io.tributary.core.error.ErrorCode;
import io.tributary.core.format.EmbeddedFormat;
import io.tributary.core.produce.InternalTopics;
import io.tributary.core.produce.ProduceFormat;
import io.tributary.core.produce.ProduceGeneration;
import io.tributary.core.produce.ProduceOrigin;
import io.tributary.core.produce.ProduceRequest;
import io.tributary.formats.FormatConverter;
import io.tributary.formats.ProduceRecordsReader;
import io.tributary.formats.ProduceRecordsReader.RecordPartition;
import io.tributary.http.JsonBodies;
import io.tributary.http.ProduceOffsets;
import io.tributary.http.RouteContext;
import io.tributary.http.route.Call;
import io.tributary.http.route.Endpoint;
import io.tributary.http.route.Permission;
import io.tributary.http.route.Renderer;
import io.tributary.http.route.Reply;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

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
    declare(router.post("/topics/:topic")).handles(call -> produce(call, null));
    declare(router.post("/topics/:topic/partitions/:partition"))
        .handles(call -> produce(call, pathPartition(call.path("partition"))));
  }

  /** Both produce paths: the body's type picks the format; the answer is the offsets, rendered already. */
  private Endpoint<EmbeddedFormat, String, Buffer> declare(Route route) {
    return V1MediaTypes.KERNEL.at(route)
        .consumes(V1ProduceMedia.BODY_TYPES)
        .produces(V1MediaTypes.PLAIN_RESPONSES)
        .requires(Permission.produceTo(internal, "topic"))
        .renders(Renderer.bytes());
  }

  private Future<Reply<Buffer>> produce(Call<EmbeddedFormat, String> call, Integer partition) {
    RoutingContext ctx = call.ctx();
    String topic = call.path("topic");
    EmbeddedFormat format = call.bodyType();
    return RECORDS.prepare(ctx.body().buffer(), () -> JsonBodies.object(ctx), topic, format, partition, converter,
        call.principal()).compose(prepared -> deps.bus()
        .request(ProduceOps.SEND, new ProduceRequest(topic, prepared.records(), true,
            new ProduceOrigin(ProduceGeneration.V1, ProduceFormat.of(format))))
        .map(result -> Reply.of(ProduceOffsets.status(result),
            ProduceOffsets.render(result, partition, prepared.keySchemaId(), prepared.valueSchemaId()))));
  }

  private static int pathPartition(String raw) {
    try {
      return Integer.parseInt(raw);
    } catch (NumberFormatException e) {
      // JAX-RS answered a path parameter that does not convert with a plain 404.
      throw ErrorCode.NOT_FOUND.toException();
    }
  }
}
