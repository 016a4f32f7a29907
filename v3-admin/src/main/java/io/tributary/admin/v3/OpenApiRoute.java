package io.tributary.admin.v3;

import io.tributary.http.media.Negotiation;
import io.tributary.http.media.Offer;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/** {@code GET <prefix>/openapi.yaml}: Tributary's own OpenAPI 3.1 description of the v3 API, from the classpath. */
final class OpenApiRoute {
  static final String RESOURCE = "/io/tributary/admin/v3/openapi.yaml";
  static final String YAML = "application/yaml";
  private static final List<Offer<String>> TYPES = List.of(Offer.of(YAML, 1.0, YAML),
      Offer.of("text/yaml", 0.9, "text/yaml"), Offer.of("text/plain", 0.5, "text/plain"));

  private final byte[] document;

  /** Reads the document once, when the module is built (on the starting thread, not an event loop). */
  OpenApiRoute() {
    try (InputStream in = OpenApiRoute.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("The v3 OpenAPI document is missing from the classpath: " + RESOURCE);
      }
      document = in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  void mount(Router router, String prefix) {
    router.get(prefix + "/openapi.yaml").handler(this::serve);
  }

  private void serve(RoutingContext ctx) {
    Negotiation.select(ctx.request().getHeader("Accept"), TYPES).ifPresentOrElse(
        // A buffer per response: HTTP verticles on several event loops serve the same document.
        offer -> ctx.response().putHeader("Content-Type", offer.meaning()).end(Buffer.buffer(document)),
        () -> ctx.response().setStatusCode(406).end());
  }
}
