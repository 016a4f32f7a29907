package io.tributary.http;

import io.tributary.http.error.ConfluentErrorRenderer;
import io.tributary.http.media.V2MediaTypes;
import io.tributary.http.route.Generation;
import io.tributary.http.route.RouteKernel;

/**
 * The route kernel of the v2 generation, shared by its three modules (consumers, produce, metadata): errors in v2's
 * shape (kafka-rest 6.0+: {@code application/json} first), and a request that prefers v1's versioned type is left to
 * v1 on the paths both serve.
 */
public final class V2Routes {
  public static final RouteKernel KERNEL = new RouteKernel(Generation.of(ConfluentErrorRenderer.V2)
      .rivalledBy(V2MediaTypes.V1_RIVALS));

  private V2Routes() {}
}
