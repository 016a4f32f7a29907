package io.tributary.formats.registry.client;

import io.tributary.formats.registry.RegisteredSchema;
import io.tributary.formats.registry.SchemaRegistryClient;
import io.tributary.formats.registry.SchemaRegistryException;
import io.tributary.formats.registry.SubjectVersion;
import io.tributary.formats.registry.embedded.SchemaReferences;
import io.tributary.formats.schema.SchemaReference;
import io.tributary.formats.schema.SchemaType;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@link SchemaRegistryClient} for any Confluent-compatible registry over HTTP(S). Registry errors keep the
 * registry's {@code error_code}; a registry that cannot be reached within the configured timeouts (on any of its
 * URLs) fails with 50303. Uncached: wrap it in {@link CachingSchemaRegistryClient}.
 */
public final class HttpSchemaRegistryClient implements SchemaRegistryClient {
  private static final String ACCEPT =
      "application/vnd.schemaregistry.v1+json, application/vnd.schemaregistry+json; q=0.9, application/json; q=0.5";
  private static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";

  private final WebClient client;
  private final RegistryClientSettings settings;
  /** The URL that answered last; failover moves on from it. */
  private final AtomicInteger current = new AtomicInteger();

  public HttpSchemaRegistryClient(WebClient client, RegistryClientSettings settings) {
    if (settings.urls().isEmpty()) {
      throw new IllegalArgumentException("No schema registry URL");
    }
    this.client = client;
    this.settings = settings;
  }

  @Override
  public Future<Integer> register(String subject, SchemaType type, String schema) {
    return call(HttpMethod.POST, "/subjects/" + encode(subject) + "/versions", schemaBody(type, schema))
        .map(json -> json.getInteger("id"));
  }

  @Override
  public Future<RegisteredSchema> getById(int id) {
    return call(HttpMethod.GET, "/schemas/ids/" + id, null)
        .map(json -> new RegisteredSchema(id, RegistryResponses.type(json), json.getString("schema"),
            RegistryResponses.references(json)));
  }

  @Override
  public Future<SubjectVersion> getLatest(String subject) {
    return call(HttpMethod.GET, "/subjects/" + encode(subject) + "/versions/latest", null)
        .map(RegistryResponses::version);
  }

  @Override
  public Future<SubjectVersion> getVersion(String subject, int version) {
    return call(HttpMethod.GET, "/subjects/" + encode(subject) + "/versions/" + version, null)
        .map(RegistryResponses::version);
  }

  @Override
  public Future<SubjectVersion> lookup(String subject, SchemaType type, String schema) {
    return lookup(subject, type, schema, List.of());
  }

  @Override
  public Future<SubjectVersion> lookup(String subject, SchemaType type, String schema,
      List<SchemaReference> references) {
    JsonObject body = schemaBody(type, schema);
    if (!references.isEmpty()) {
      body.put("references", SchemaReferences.toJson(references));
    }
    return call(HttpMethod.POST, "/subjects/" + encode(subject), body).map(RegistryResponses::version);
  }

  private static JsonObject schemaBody(SchemaType type, String schema) {
    JsonObject body = new JsonObject().put("schema", schema);
    // Registries before 5.5 know only Avro and may refuse the field; Avro is what its absence means anyway.
    if (type != SchemaType.AVRO) {
      body.put("schemaType", type.wireName());
    }
    return body;
  }

  private Future<JsonObject> call(HttpMethod method, String path, JsonObject body) {
    return attempt(method, path, body, current.get(), 0);
  }

  private Future<JsonObject> attempt(HttpMethod method, String path, JsonObject body, int index, int tried) {
    URI base = settings.urls().get(index % settings.urls().size());
    HttpRequest<Buffer> request = client.requestAbs(method, base + path).timeout(settings.readTimeoutMs())
        .putHeader("Accept", ACCEPT);
    if (settings.authorization() != null) {
      request.putHeader("Authorization", settings.authorization());
    }
    Future<HttpResponse<Buffer>> sent = body == null ? request.send()
        : request.putHeader("Content-Type", CONTENT_TYPE).sendBuffer(body.toBuffer());
    return sent.transform(ar -> {
      if (ar.failed()) {
        if (tried + 1 < settings.urls().size()) {
          current.set((index + 1) % settings.urls().size());
          return attempt(method, path, body, index + 1, tried + 1);
        }
        return Future.failedFuture(RegistryResponses.unreachable(base + " did not answer: " + describe(ar.cause())));
      }
      try {
        return Future.succeededFuture(answer(base, ar.result()));
      } catch (SchemaRegistryException e) {
        return Future.failedFuture(e);
      }
    });
  }

  private static JsonObject answer(URI base, HttpResponse<Buffer> response) {
    JsonObject json = object(response.body());
    int status = response.statusCode();
    if (status >= 200 && status < 300) {
      if (json == null) {
        throw RegistryResponses.unreachable(base + " answered " + status + " without a JSON object");
      }
      return json;
    }
    Integer code = json == null ? null : json.getInteger("error_code");
    String message = json == null ? null : json.getString("message");
    throw new SchemaRegistryException(code != null ? code : status,
        message != null ? message : "HTTP " + status + " " + response.statusMessage());
  }

  private static JsonObject object(Buffer body) {
    if (body == null || body.length() == 0) {
      return null;
    }
    try {
      Object value = Json.decodeValue(body);
      return value instanceof JsonObject o ? o : null;
    } catch (DecodeException | ClassCastException e) {
      return null;
    }
  }

  private static String describe(Throwable cause) {
    return cause.getMessage() != null ? cause.getMessage() : cause.getClass().getSimpleName();
  }

  private static String encode(String subject) {
    return URLEncoder.encode(subject, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
