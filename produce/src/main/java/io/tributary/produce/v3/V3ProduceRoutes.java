package io.tributary.produce.v3;

import io.tributary.core.config.ConfigKeys;
import io.tributary.core.produce.InternalTopics;
import io.tributary.http.RouteContext;
import io.tributary.http.auth.Access;
import io.tributary.http.error.ConfluentErrorRenderer;
import io.tributary.http.route.Call;
import io.tributary.http.route.Endpoint;
import io.tributary.http.route.Generation;
import io.tributary.http.route.Permission;
import io.tributary.http.route.Renderer;
import io.tributary.http.route.Reply;
import io.tributary.http.route.RouteKernel;
import io.tributary.produce.v3.RecordOutcome.Refused;
import io.tributary.produce.v3.RecordOutcome.Written;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.Charset;
import java.util.List;
import java.util.StringJoiner;

/**
 * The v3 produce routes of one HTTP verticle: streaming {@code POST …/topics/{t}/records} and
 * {@code POST …/topics/{t}/records:batch}, under {@code /v3} and {@code /kafka/v3}. Media types and the PRODUCE
 * permission and that the topic is not internal (403, before the stream starts) are checked before anything is
 * read or written; errors before the stream starts are v3 error bodies.
 */
final class V3ProduceRoutes {
  private static final RouteKernel KERNEL = new RouteKernel(Generation.of(ConfluentErrorRenderer.V3));

  private final StreamLimits limits;
  private final int batchMaxEntries;
  private final V3RecordProducer producer;
  private final ClusterIds clusterIds;
  private final InternalTopics internal;

  V3ProduceRoutes(RouteContext deps) {
    this.internal = InternalTopics.from(deps.config());
    this.limits = StreamLimits.from(deps.config());
    this.batchMaxEntries = deps.config().get(ConfigKeys.API_V3_PRODUCE_BATCH_MAXIMUM_ENTRIES);
    this.producer = new V3RecordProducer(deps.bus(), ProduceRateLimits.shared(deps.vertx(), deps.config()));
    this.clusterIds = new ClusterIds(deps.bus());
  }

  void mount(Router router) {
    // Regular expressions because the batch path's ":batch" would read as a path parameter in a path template.
    declare(router.postWithRegex(V3ProducePaths.RECORDS)).handles(this::stream);
    declare(router.postWithRegex(V3ProducePaths.BATCH)).renders(Renderer.bytes()).handles(this::batch);
  }

  /** Both paths are v3 produce's own: JSON in and out, produce permission on a topic that is not internal. */
  private Endpoint<Charset, String, Object> declare(Route route) {
    return KERNEL.at(route).ownsPath()
        .consumes(V3ProduceMedia.BODY)
        .produces(V3ProduceMedia.RESPONSE)
        .requires(Permission.produceTo(internal, "topic"));
  }

  /** The stream writes its receipts itself, as they come; the kernel only sees a stream refused as a whole. */
  private Future<Reply<Void>> stream(Call<Charset, String> call) {
    RoutingContext ctx = call.ctx();
    if (ctx.request().version() == HttpVersion.HTTP_1_0) {
      // Receipts stream in a chunked response, which HTTP/1.0 does not have.
      throw V3Messages.badRequest("streaming produce needs HTTP/1.1 or later; use records:batch with HTTP/1.0.");
    }
    return new ProduceStream(ctx, producer, target(ctx), call.bodyType(), limits).start();
  }

  private Future<Reply<Buffer>> batch(Call<Charset, String> call) {
    RoutingContext ctx = call.ctx();
    List<BatchEntries.Entry> entries = BatchEntries.read(ctx.body().buffer(), call.bodyType(), batchMaxEntries);
    ProduceTarget target = target(ctx);
    RecordGroup group = new RecordGroup();
    List<Future<RecordOutcome>> outcomes = entries.stream()
        .map(e -> e.plain() != null ? producer.enlist(group, e.plain(), e.sizeBytes(), target)
            : producer.enlist(group, e.record(), e.sizeBytes(), target))
        .toList();
    if (!group.isEmpty()) {
      group.sendWith(producer, target, Future.succeededFuture());
    }
    // The outcome futures never fail; join waits for all of them.
    return Future.join(outcomes).compose(all -> target.clusterId()).transform(id -> {
      StringJoiner successes = new StringJoiner(",", "{\"successes\":[", "]");
      StringJoiner failures = new StringJoiner(",", ",\"failures\":[", "]}");
      for (int i = 0; i < entries.size(); i++) {
        String entryId = entries.get(i).id();
        RecordOutcome outcome = outcomes.get(i).result();
        if (outcome instanceof Written written) {
          successes.add(V3Receipts.batchSuccess(entryId, written, id.result(), target.topic()));
        } else {
          failures.add(V3Receipts.batchFailure(entryId, (Refused) outcome));
        }
      }
      return Future.succeededFuture(Reply.of(207, Buffer.buffer(successes.toString() + failures)));
    });
  }

  private ProduceTarget target(RoutingContext ctx) {
    String pathClusterId = ctx.pathParam("cluster");
    return new ProduceTarget(ctx.pathParam("topic"), pathClusterId, clusterIds.get(pathClusterId),
        Access.principal(ctx));
  }
}
