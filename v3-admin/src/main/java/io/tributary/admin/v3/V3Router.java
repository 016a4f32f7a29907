package io.tributary.admin.v3;

import io.tributary.core.admin.GetClusterId;
import io.tributary.core.bus.AdminOps;
import io.tributary.core.config.ConfigKeys;
import io.tributary.http.Bus;
import io.tributary.http.RouteContext;
import io.tributary.http.error.FailureHandler;
import io.tributary.http.media.KafkaMediaTypes;
import io.tributary.http.media.Negotiation;
import io.tributary.http.media.Offer;
import io.vertx.core.Future;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.Json;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Mounts v3 endpoints under one prefix ({@code /v3} or {@code /kafka/v3}) and runs the steps every one of them
 * shares: media types (application/json both ways, else declined with 415/406), the permission {@link Guard}, the
 * {@code cluster_id} check (404 "Cluster X cannot be found."), then the handler, whose {@link V3Reply} is written here
 * and whose failure goes to the failure handler in the v3 wording.
 *
 * <p>Paths are written with {@code :name} parameters; they are mounted as regular expressions because v3 has
 * custom-method paths such as {@code configs:alter}, whose colon Vert.x would otherwise read as a parameter.
 */
final class V3Router {
  static final String CLUSTER_PARAM = "cluster";
  private static final List<Offer<String>> JSON = List.of(
      Offer.of(KafkaMediaTypes.JSON, 1.0, KafkaMediaTypes.JSON));

  private final Router router;
  private final String prefix;
  private final RouteContext deps;
  private final Bus bus;
  private final String authority;

  V3Router(Router router, String prefix, RouteContext deps) {
    this.router = router;
    this.prefix = prefix;
    this.deps = deps;
    this.bus = deps.bus();
    this.authority = deps.config().get(ConfigKeys.RESOURCE_NAME_AUTHORITY);
  }

  void get(String path, Guard guard, Function<V3Call, Future<V3Reply>> handler) {
    mount(HttpMethod.GET, path, false, guard, handler);
  }

  void post(String path, Guard guard, Function<V3Call, Future<V3Reply>> handler) {
    mount(HttpMethod.POST, path, true, guard, handler);
  }

  void put(String path, Guard guard, Function<V3Call, Future<V3Reply>> handler) {
    mount(HttpMethod.PUT, path, true, guard, handler);
  }

  void patch(String path, Guard guard, Function<V3Call, Future<V3Reply>> handler) {
    mount(HttpMethod.PATCH, path, true, guard, handler);
  }

  void delete(String path, Guard guard, Function<V3Call, Future<V3Reply>> handler) {
    mount(HttpMethod.DELETE, path, false, guard, handler);
  }

  private void mount(HttpMethod method, String path, boolean takesBody, Guard guard,
      Function<V3Call, Future<V3Reply>> handler) {
    router.routeWithRegex(method, regex(prefix + path)).handler(ctx -> handle(ctx, takesBody, guard, handler));
  }

  private void handle(RoutingContext ctx, boolean takesBody, Guard guard, Function<V3Call, Future<V3Reply>> handler) {
    if (takesBody && Negotiation.matchContentType(ctx.request().getHeader("Content-Type"), JSON).isEmpty()) {
      decline(ctx, 415);
      return;
    }
    if (Negotiation.select(ctx.request().getHeader("Accept"), JSON).isEmpty()) {
      decline(ctx, 406);
      return;
    }
    Future<V3Reply> reply;
    try {
      guard.check(ctx);
      reply = links(ctx).compose(links -> handler.apply(new V3Call(ctx, links, bus)));
    } catch (RuntimeException e) {
      reply = Future.failedFuture(e);
    }
    reply.onSuccess(r -> write(ctx, r)).onFailure(e -> ctx.fail(V3Errors.asV3(e)));
  }

  /** The URL builder for the request's cluster, after checking that the path names this proxy's cluster. */
  private Future<V3Links> links(RoutingContext ctx) {
    String asked = ctx.pathParam(CLUSTER_PARAM);
    return bus.request(AdminOps.CLUSTER_ID, new GetClusterId()).compose(actual -> {
      if (asked != null && !asked.equals(actual.id())) {
        return Future.failedFuture(V3Errors.clusterNotFound(asked));
      }
      return Future.succeededFuture(new V3Links(deps.baseUris().base(ctx) + prefix, actual.id(), authority));
    });
  }

  private static void write(RoutingContext ctx, V3Reply reply) {
    var response = ctx.response().setStatusCode(reply.status());
    if (reply.location() != null) {
      response.putHeader("Location", reply.location());
    }
    if (reply.body() == null) {
      response.end();
    } else {
      response.putHeader("Content-Type", KafkaMediaTypes.JSON).end(Json.encodeToBuffer(reply.body()));
    }
  }

  /** Passes the request on, recording why; a 415 already recorded wins, as Content-Type is checked first. */
  private static void decline(RoutingContext ctx, int status) {
    Integer recorded = ctx.get(FailureHandler.MEDIA_MISMATCH_KEY);
    if (recorded == null || recorded != 415) {
      ctx.put(FailureHandler.MEDIA_MISMATCH_KEY, status);
    }
    ctx.next();
  }

  /** {@code /a/:b/c:d} → {@code \Q/a\E/(?<b>[^/]+)/\Qc:d\E}: only a segment that starts with ':' is a parameter. */
  static String regex(String path) {
    StringBuilder regex = new StringBuilder();
    for (String segment : path.substring(1).split("/", -1)) {
      regex.append('/');
      if (segment.startsWith(":")) {
        regex.append("(?<").append(segment.substring(1)).append(">[^/]+)");
      } else {
        regex.append(Pattern.quote(segment));
      }
    }
    return regex.toString();
  }
}
