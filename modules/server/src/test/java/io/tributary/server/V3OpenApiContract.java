package io.tributary.server;

import io.tributary.testkit.Http;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonObject;
import io.vertx.json.schema.Draft;
import io.vertx.json.schema.JsonSchema;
import io.vertx.json.schema.JsonSchemaOptions;
import io.vertx.json.schema.OutputFormat;
import io.vertx.json.schema.OutputUnit;
import io.vertx.json.schema.SchemaRepository;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.Yaml;

/**
 * Checks v3 responses against the OpenAPI document the server itself serves: the request's method and path must be
 * a documented operation, the status a documented response (or {@code default}), and the body must validate against
 * the response's schema (JSON Schema 2020-12, the OpenAPI 3.1 dialect) — or be empty when none is documented.
 */
final class V3OpenApiContract {
  private static final String BASE = "https://tributary.invalid/";
  private static final String DOC = BASE + "openapi.json";
  private static final List<String> PREFIXES = List.of("/kafka/v3", "/v3");

  private final JsonObject document;
  private final SchemaRepository schemas;
  private final List<PathTemplate> templates = new ArrayList<>();

  private V3OpenApiContract(JsonObject document) {
    this.document = document;
    this.schemas = SchemaRepository.create(new JsonSchemaOptions().setDraft(Draft.DRAFT202012).setBaseUri(BASE)
        .setOutputFormat(OutputFormat.Basic));
    // A copy: the repository annotates what it is given (with __absolute_uri__ entries).
    schemas.dereference(DOC, JsonSchema.of(document.copy()));
    for (String path : document.getJsonObject("paths").fieldNames()) {
      templates.add(PathTemplate.of(path));
    }
    // A literal segment beats a parameter (OpenAPI: concrete paths match first): fewest parameters first.
    templates.sort(Comparator.comparingInt(PathTemplate::parameters));
  }

  /** The document as YAML text, e.g. the body of {@code GET /v3/openapi.yaml}. */
  static V3OpenApiContract parse(String yaml) {
    Map<String, Object> tree = new Yaml().load(yaml);
    // Through JSON text, so that nested maps and lists become JsonObject/JsonArray all the way down.
    return new V3OpenApiContract(new JsonObject(Json.encode(tree)));
  }

  JsonObject document() {
    return document;
  }

  /** Throws an AssertionError describing the first way the reply breaks the contract. */
  void check(String method, String requestPath, Http.Reply reply) {
    String path = apiPath(requestPath);
    PathTemplate template = templates.stream().filter(t -> t.matches(path)).findFirst()
        .orElseThrow(() -> new AssertionError("Undocumented path " + requestPath));
    JsonObject operation = document.getJsonObject("paths").getJsonObject(template.text())
        .getJsonObject(method.toLowerCase(Locale.ROOT));
    if (operation == null) {
      throw new AssertionError("Undocumented operation " + method + " " + template.text());
    }
    JsonObject responses = operation.getJsonObject("responses");
    JsonObject response = responses.getJsonObject(String.valueOf(reply.status()));
    if (response == null) {
      response = responses.getJsonObject("default");
    }
    if (response == null) {
      throw new AssertionError("Undocumented status " + reply.status() + " for " + method + " " + template.text()
          + ": " + reply);
    }
    response = resolve(response);
    checkHeaders(response, reply);
    checkBody(method + " " + template.text(), response, reply);
  }

  private void checkHeaders(JsonObject response, Http.Reply reply) {
    JsonObject headers = response.getJsonObject("headers");
    if (headers != null) {
      for (String name : headers.fieldNames()) {
        if (reply.header(name) == null) {
          throw new AssertionError("Missing documented header " + name + ": " + reply);
        }
      }
    }
  }

  private void checkBody(String operation, JsonObject response, Http.Reply reply) {
    JsonObject content = response.getJsonObject("content");
    if (content == null) {
      if (reply.bytes().length != 0) {
        throw new AssertionError(operation + " documents no body for " + reply.status() + " but got " + reply);
      }
      return;
    }
    if (reply.status() == 406 && reply.bytes().length == 0) {
      return;
    }
    JsonObject media = content.getJsonObject("application/json");
    if (media == null || reply.contentType() == null || !reply.contentType().startsWith("application/json")) {
      throw new AssertionError(operation + ": expected an application/json body, got " + reply);
    }
    String ref = media.getJsonObject("schema").getString("$ref");
    assertValid(ref, Json.decodeValue(reply.text()), operation + " " + reply.status());
  }

  /** Validates a value against a schema of the document, given as a local reference. */
  void assertValid(String localRef, Object value, String what) {
    OutputUnit result = schemas.validator(JsonSchema.of(new JsonObject().put("$ref", DOC + localRef)))
        .validate(value);
    if (!Boolean.TRUE.equals(result.getValid())) {
      throw new AssertionError(what + " does not match " + localRef + ": " + errors(result) + "\nbody: " + value);
    }
  }

  private JsonObject resolve(JsonObject maybeRef) {
    String ref = maybeRef.getString("$ref");
    if (ref == null) {
      return maybeRef;
    }
    JsonObject target = document;
    for (String part : ref.substring(2).split("/")) {
      target = target.getJsonObject(part);
    }
    return target;
  }

  private static String errors(OutputUnit result) {
    List<String> lines = new ArrayList<>();
    if (result.getErrors() != null) {
      for (OutputUnit e : result.getErrors()) {
        lines.add(e.getInstanceLocation() + ": " + e.getError() + " (" + e.getKeywordLocation() + ")");
      }
    }
    return lines.isEmpty() ? String.valueOf(result.getError()) : String.join("; ", lines);
  }

  private static String apiPath(String requestPath) {
    int query = requestPath.indexOf('?');
    String path = query >= 0 ? requestPath.substring(0, query) : requestPath;
    for (String prefix : PREFIXES) {
      if (path.startsWith(prefix + "/")) {
        return path.substring(prefix.length());
      }
    }
    throw new AssertionError("Not a v3 path: " + requestPath);
  }

  private record PathTemplate(String text, Pattern pattern, int parameters) {
    static PathTemplate of(String text) {
      StringBuilder regex = new StringBuilder();
      int parameters = 0;
      for (String segment : text.substring(1).split("/")) {
        regex.append('/');
        if (segment.startsWith("{") && segment.endsWith("}")) {
          regex.append("[^/]+");
          parameters++;
        } else {
          regex.append(Pattern.quote(segment));
        }
      }
      return new PathTemplate(text, Pattern.compile(regex.toString()), parameters);
    }

    boolean matches(String path) {
      return pattern.matcher(path).matches();
    }
  }
}
