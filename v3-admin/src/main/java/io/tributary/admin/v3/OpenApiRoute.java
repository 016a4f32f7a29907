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

/**
 * {@code GET <prefix>/openapi.yaml}: Tributary's own OpenAPI 3.1 description of the v3 API, from the classpath; the
 * server serves its other documents ({@code /openapi/*.yaml}) through the same class.
 */
public final class OpenApiRoute {
  /** The v3 document's class-path resource. */
  public static final String RESOURCE = "/io/tributary/admin/v3/openapi.yaml";
  static final String YAML = "application/yaml";
  private static final List<Offer<String>> TYPES = List.of(Offer.of(YAML, 1.0, YAML),
      Offer.of("text/yaml", 0.9, "text/yaml"), Offer.of("text/plain", 0.5, "text/plain"));

  private final byte[] document;

  /** Reads the document once, when the module is built (on the starting thread, not an event loop). */
  OpenApiRoute() {
    this(RESOURCE);
  }

  /** Serves the class-path resource {@code resource} (an absolute resource name), read once, here. */
  public OpenApiRoute(String resource) {
    try (InputStream in = OpenApiRoute.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("An OpenAPI document is missing from the classpath: " + resource);
      }
      document = in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  void mount(Router router, String prefix) {
    router.get(prefix + "/openapi.yaml").handler(this::serve);
  }

  /** Answers with the document as YAML (406 when the client accepts none of YAML's types). */
  public void serve(RoutingContext ctx) {
    Negotiation.select(ctx.request().getHeader("Accept"), TYPES).ifPresentOrElse(
        // A buffer per response: HTTP verticles on several event loops serve the same document.
        offer -> ctx.response().putHeader("Content-Type", offer.meaning()).end(Buffer.buffer(document)),
        () -> ctx.response().setStatusCode(406).end());
  }
}
