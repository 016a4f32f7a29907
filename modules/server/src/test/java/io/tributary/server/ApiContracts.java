package io.tributary.server;

import io.tributary.testkit.Http;
import io.tributary.testkit.OpenApiContract;
import io.tributary.testkit.V3Client;
import io.vertx.core.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The reply checks that e2e tests' HTTP clients run: every response of the v1, v2 and Event Streams APIs on the main
 * listener, and of the schema registry on its listener, must match the OpenAPI document of its generation (v3 is
 * checked by {@link V3Client}). The documents are read from the server's class path, the very files it serves.
 */
final class ApiContracts {
  static final String DOCUMENTS = "/io/tributary/server/openapi/";

  static final OpenApiContract V1 = load("v1.yaml");
  static final OpenApiContract V2 = load("v2.yaml");
  static final OpenApiContract EVENT_STREAMS = load("eventstreams.yaml");
  static final OpenApiContract REGISTRY = load("registry.yaml");
  static final OpenApiContract V3 = load(io.tributary.admin.v3.OpenApiRoute.RESOURCE, OpenApiContract.V3_PREFIXES);

  /** For clients of the main listener. */
  static final Http.ReplyCheck MAIN_LISTENER = ApiContracts::checkMainListener;

  /** For clients of the schema registry's listener. */
  static final Http.ReplyCheck REGISTRY_LISTENER = (method, path, headers, reply) -> {
    if (REGISTRY.documents(method, path)) {
      REGISTRY.check(method, path, reply);
    }
  };

  private ApiContracts() {}

  static OpenApiContract load(String name) {
    return load(DOCUMENTS + name, List.of());
  }

  private static OpenApiContract load(String resource, List<String> prefixes) {
    try (InputStream in = ApiContracts.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing " + resource);
      }
      return OpenApiContract.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), prefixes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * v1 and v2 share their paths: the generation is the one the response's media type (or else the request's) names;
   * a plain {@code application/json} exchange must match one of the documents that have the operation. Paths no
   * document has (health, the root, unknown paths answered 404) are not checked; of v3, only produce is checked
   * here ({@link V3Client} checks the administration endpoints).
   */
  private static void checkMainListener(String method, String path, List<String> headers, Http.Reply reply) {
    if (path.startsWith("/v3/") || path.startsWith("/kafka/v3/")) {
      checkV3Produce(method, path, reply);
      return;
    }
    List<OpenApiContract> candidates = new ArrayList<>();
    for (OpenApiContract contract : List.of(EVENT_STREAMS, V1, V2)) {
      if (contract.documents(method, path)) {
        candidates.add(contract);
      }
    }
    if (candidates.isEmpty()) {
      return;
    }
    String generation = generation(reply.contentType());
    for (int i = 0; generation == null && i + 1 < headers.size(); i += 2) {
      String name = headers.get(i).toLowerCase(Locale.ROOT);
      if (name.equals("accept") || name.equals("content-type")) {
        generation = generation(headers.get(i + 1));
      }
    }
    if ("v1".equals(generation) && candidates.contains(V1)) {
      V1.check(method, path, reply);
      return;
    }
    if ("v2".equals(generation) && candidates.contains(V2)) {
      V2.check(method, path, reply);
      return;
    }
    List<String> failures = new ArrayList<>();
    for (OpenApiContract contract : candidates) {
      try {
        contract.check(method, path, reply);
        return;
      } catch (AssertionError e) {
        failures.add(e.getMessage());
      }
    }
    throw new AssertionError(String.join("\n-- or --\n", failures));
  }

  /** A streaming produce reply is a series of receipts, one per line: each must be a documented receipt. */
  private static void checkV3Produce(String method, String path, Http.Reply reply) {
    String bare = path.split("\\?")[0];
    if (bare.endsWith("/records") && reply.status() == 200 && "POST".equals(method)) {
      if (reply.contentType() == null || !reply.contentType().startsWith("application/json")) {
        throw new AssertionError("Streaming produce answers application/json: " + reply);
      }
      for (String line : reply.text().split("\r\n")) {
        if (!line.isBlank()) {
          V3.assertValid("#/components/schemas/ProduceReceipt", Json.decodeValue(line), "receipt " + line);
        }
      }
    } else if ((bare.endsWith("/records") || bare.endsWith("/records:batch")) && V3.documents(method, path)) {
      V3.check(method, path, reply);
    }
  }

  private static String generation(String mediaType) {
    if (mediaType == null) {
      return null;
    }
    String type = mediaType.toLowerCase(Locale.ROOT);
    if (type.contains(".v1+json") || type.contains("vnd.kafka.v1")) {
      return "v1";
    }
    if (type.contains(".v2+json") || type.contains("vnd.kafka.v2")) {
      return "v2";
    }
    return null;
  }
}
