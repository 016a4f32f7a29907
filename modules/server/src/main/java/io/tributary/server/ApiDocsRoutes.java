package io.tributary.server;

import io.tributary.admin.v3.OpenApiRoute;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.StaticHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * The API documents and their interactive page, served before authentication (they describe the API, they hold no
 * data): {@code GET /openapi/{v1,v2,v3,eventstreams,registry}.yaml}, and {@code /docs}, Swagger UI from its webjar
 * on the class path (no network needed) with an initializer that lists the five documents.
 */
final class ApiDocsRoutes {
  static final String DOCS = "/docs";
  private static final String INITIALIZER = "swagger-initializer.js";
  private static final String WEBJAR_POM = "/META-INF/maven/org.webjars/swagger-ui/pom.properties";

  /** Read once per JVM, when the first HTTP verticle starts (a few small class-path reads). */
  private static final class Loaded {
    static final Map<String, OpenApiRoute> DOCUMENTS = documents();
    static final Buffer INITIALIZER_JS = Buffer.buffer(read("/io/tributary/server/openapi/" + INITIALIZER));
    static final String WEBJAR_ROOT = "META-INF/resources/webjars/swagger-ui/" + webjarVersion();
  }

  void mount(Router router) {
    Loaded.DOCUMENTS.forEach((name, route) -> router.get("/openapi/" + name + ".yaml").handler(route::serve));
    // Swagger UI's page links its files relatively: it must be served as /docs/ (Vert.x matches "/docs" for both).
    router.get(DOCS).handler(ctx -> {
      if (ctx.request().path().endsWith("/")) {
        ctx.next();
      } else {
        ctx.response().setStatusCode(302).putHeader("Location", DOCS + "/").end();
      }
    });
    // Swagger UI's own initializer points at a demo document on the internet: ours lists the five served here.
    router.get(DOCS + "/" + INITIALIZER).handler(ctx -> ctx.response()
        .putHeader("Content-Type", "text/javascript; charset=utf-8").end(Loaded.INITIALIZER_JS.copy()));
    router.get(DOCS + "/*").handler(StaticHandler.create(Loaded.WEBJAR_ROOT));
  }

  private static Map<String, OpenApiRoute> documents() {
    Map<String, OpenApiRoute> documents = new LinkedHashMap<>();
    documents.put("v1", new OpenApiRoute("/io/tributary/server/openapi/v1.yaml"));
    documents.put("v2", new OpenApiRoute("/io/tributary/server/openapi/v2.yaml"));
    documents.put("v3", new OpenApiRoute(OpenApiRoute.RESOURCE));
    documents.put("eventstreams", new OpenApiRoute("/io/tributary/server/openapi/eventstreams.yaml"));
    documents.put("registry", new OpenApiRoute("/io/tributary/server/openapi/registry.yaml"));
    return documents;
  }

  /** The webjar's files live under its version: read it from the jar rather than repeat the pom's version. */
  private static String webjarVersion() {
    Properties pom = new Properties();
    try (InputStream in = ApiDocsRoutes.class.getResourceAsStream(WEBJAR_POM)) {
      if (in == null) {
        throw new IllegalStateException("Swagger UI's webjar is missing from the class path");
      }
      pom.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return pom.getProperty("version");
  }

  private static byte[] read(String resource) {
    try (InputStream in = ApiDocsRoutes.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing from the class path: " + resource);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
