package io.tributary.testkit;

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
 * Checks responses against one of the OpenAPI documents the server itself serves (v1, v2, v3, Event Streams,
 * registry): the request's method and path must be a documented operation, the status a documented response (or
 * {@code default}), the content type one the response documents, and a JSON body must validate against its schema
 * (JSON Schema 2020-12, the OpenAPI 3.1 dialect) — or the body be empty when none is documented.
 */
public final class OpenApiContract {
  private static final String BASE = "https://tributary.invalid/";
  private static final String DOC = BASE + "openapi.json";
  /** The v3 document's two base paths. */
  public static final List<String> V3_PREFIXES = List.of("/kafka/v3", "/v3");

  private final JsonObject document;
  private final List<String> prefixes;
  private final SchemaRepository schemas;
  private final List<PathTemplate> templates = new ArrayList<>();

  private OpenApiContract(JsonObject document, List<String> prefixes) {
    this.document = document;
    this.prefixes = prefixes;
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

  /** The v3 document as YAML text, e.g. the body of {@code GET /v3/openapi.yaml}. */
  public static OpenApiContract parse(String yaml) {
    return parse(yaml, V3_PREFIXES);
  }

  /**
   * A document as YAML text whose paths are served below one of {@code prefixes} (an empty list, or {@code ""}, for
   * documents whose paths start at the root).
   */
  public static OpenApiContract parse(String yaml, List<String> prefixes) {
    Map<String, Object> tree = new Yaml().load(yaml);
    // Through JSON text, so that nested maps and lists become JsonObject/JsonArray all the way down.
    return new OpenApiContract(new JsonObject(Json.encode(tree)), prefixes);
  }

  /** Whether the document has an operation for this method and request path (query ignored). */
  public boolean documents(String method, String requestPath) {
    String path = strippedOrNull(requestPath);
    if (path == null) {
      return false;
    }
    return templates.stream().filter(t -> t.matches(path)).findFirst()
        .map(t -> document.getJsonObject("paths").getJsonObject(t.text()).containsKey(method.toLowerCase(Locale.ROOT)))
        .orElse(false);
  }

  public JsonObject document() {
    return document;
  }

  /** Throws an AssertionError describing the first way the reply breaks the contract. */
  public void check(String method, String requestPath, Http.Reply reply) {
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
    String type = reply.contentType() == null ? null
        : reply.contentType().split(";")[0].trim().toLowerCase(Locale.ROOT);
    JsonObject media = type == null ? null : content.getJsonObject(type);
    if (media == null) {
      media = content.getJsonObject("*/*");
    }
    if (media == null) {
      throw new AssertionError(operation + ": expected a body of " + content.fieldNames() + ", got " + reply);
    }
    JsonObject schema = media.getJsonObject("schema");
    if (schema == null || schema.isEmpty() || !type.endsWith("json")) {
      return; // not JSON, or any text (a raw schema, say): its media type is all the document promises
    }
    String ref = schema.getString("$ref");
    Object body = Json.decodeValue(reply.text());
    if (ref != null) {
      assertValid(ref, body, operation + " " + reply.status());
    } else {
      assertValidInline(schema, body, operation + " " + reply.status());
    }
  }

  private void assertValidInline(JsonObject schema, Object value, String what) {
    // Inline schemas may reference components: resolve them against the dereferenced document.
    OutputUnit result = schemas.validator(JsonSchema.of(rebase(schema.copy()))).validate(value);
    if (!Boolean.TRUE.equals(result.getValid())) {
      throw new AssertionError(what + " does not match " + schema.encode() + ": " + errors(result) + "\nbody: "
          + value);
    }
  }

  private static JsonObject rebase(JsonObject schema) {
    for (String key : schema.fieldNames()) {
      Object value = schema.getValue(key);
      if ("$ref".equals(key) && value instanceof String ref && ref.startsWith("#/")) {
        schema.put(key, DOC + ref);
      } else if (value instanceof JsonObject nested) {
        rebase(nested);
      } else if (value instanceof io.vertx.core.json.JsonArray array) {
        for (Object item : array) {
          if (item instanceof JsonObject nested) {
            rebase(nested);
          }
        }
      }
    }
    return schema;
  }

  /** Validates a value against a schema of the document, given as a local reference. */
  public void assertValid(String localRef, Object value, String what) {
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

  private String apiPath(String requestPath) {
    String path = strippedOrNull(requestPath);
    if (path == null) {
      throw new AssertionError("Not a path of " + document.getJsonObject("info").getString("title") + ": "
          + requestPath);
    }
    return path;
  }

  private String strippedOrNull(String requestPath) {
    int query = requestPath.indexOf('?');
    String path = query >= 0 ? requestPath.substring(0, query) : requestPath;
    if (prefixes.isEmpty()) {
      return path;
    }
    for (String prefix : prefixes) {
      if (prefix.isEmpty() || path.startsWith(prefix + "/")) {
        return path.substring(prefix.length());
      }
    }
    return null;
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
