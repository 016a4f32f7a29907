package io.tributary.http.consumer;

import io.tributary.core.consumer.ConsumerCreated;
import io.tributary.http.BaseUris;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** The answer to creating a consumer instance, the same in v1 and v2: its id and the URI that addresses it. */
public final class CreatedInstance {
  private CreatedInstance() {}

  /** {@code {"instance_id":…,"base_uri":…}}, the URI on the advertised (or requested) base. */
  public static JsonObject body(RoutingContext ctx, BaseUris baseUris, String group, ConsumerCreated created) {
    String baseUri = baseUris.base(ctx) + "/consumers/" + segment(group) + "/instances/"
        + segment(created.instanceId());
    return new JsonObject().put("instance_id", created.instanceId()).put("base_uri", baseUri);
  }

  /** A path segment for base_uri: group and instance names may hold characters a URL cannot. */
  private static String segment(String name) {
    return URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
