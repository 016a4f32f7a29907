package io.tributary.admin.v3;

import io.tributary.core.admin.GetClusterId;
import io.tributary.core.bus.AdminOps;
import io.tributary.core.config.ConfigKeys;
import io.tributary.http.Bus;
import io.tributary.http.RouteContext;
import io.tributary.http.error.ConfluentErrorRenderer;
import io.tributary.http.media.KafkaMediaTypes;
import io.tributary.http.media.Offer;
import io.tributary.http.route.BodyTypes;
import io.tributary.http.route.Endpoint;
import io.tributary.http.route.Generation;
import io.tributary.http.route.Renderer;
import io.tributary.http.route.RouteKernel;
import io.vertx.core.Future;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Mounts v3 endpoints under one prefix ({@code /v3} or {@code /kafka/v3}) on the route kernel ({@link RouteKernel}),
 * which runs the steps every route shares: media types (application/json both ways, else declined with 415/406),
 * the permission {@link Guard}, the handler, the reply's writing, and every failure's way to the failure handler in
 * the v3 wording ({@link V3Errors#asV3}). What is v3's own is added here: the {@code cluster_id} check (404 "Cluster
 * X cannot be found.") before the handler runs.
 *
 * <p>Paths are written with {@code :name} parameters; they are mounted as regular expressions because v3 has
 * custom-method paths such as {@code configs:alter}, whose colon Vert.x would otherwise read as a parameter.
 */
final class V3Router {
  static final String CLUSTER_PARAM = "cluster";
  private static final List<Offer<String>> JSON = List.of(
      Offer.of(KafkaMediaTypes.JSON, 1.0, KafkaMediaTypes.JSON));
  private static final RouteKernel KERNEL = new RouteKernel(Generation.of(ConfluentErrorRenderer.V3)
      .wordedBy(V3Errors::asV3));

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
    Endpoint<?, String, JsonObject> endpoint = KERNEL.at(router.routeWithRegex(method, regex(prefix + path)))
        .produces(JSON).requires(guard).renders(Renderer.<JsonObject>json());
    if (takesBody) {
      endpoint = endpoint.consumes(BodyTypes.exactly(JSON));
    }
    endpoint.handles(call -> links(call.ctx())
        .compose(links -> handler.apply(new V3Call(call.ctx(), links, bus)))
        .map(V3Reply::reply));
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
