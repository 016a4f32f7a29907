package io.tributary.formats.registry.embedded.http;

import io.tributary.core.bus.BusMessage;
import io.tributary.core.bus.BusOperation;
import io.tributary.formats.registry.RegisteredSchema;
import io.tributary.formats.registry.SubjectVersion;
import io.tributary.formats.registry.embedded.RegistryMessages;
import io.tributary.formats.registry.embedded.SchemaExtras;
import io.tributary.formats.registry.embedded.SchemaReferences;
import io.tributary.formats.schema.SchemaReference;
import io.tributary.formats.schema.SchemaType;
import io.tributary.http.Bus;
import io.tributary.http.route.Reply;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.function.Function;

/**
 * Sends a route's request to the store and makes its answer the route's reply, which the route kernel writes in the
 * negotiated type; failures go through the kernel to the one failure handler. Also the registry's JSON shapes of
 * schemas, which follow the 7.x registry: {@code schemaType} is
 * left out for Avro.
 */
final class RegistryReplies {
  private final Bus bus;

  RegistryReplies(Bus bus) {
    this.bus = bus;
  }

  /** Asks {@code operation}, for a route that needs an answer before it can answer itself. */
  <Q extends BusMessage, R extends BusMessage> Future<R> ask(BusOperation<Q, R> operation, Q request) {
    return bus.request(operation, request);
  }

  /** Asks {@code operation}; the reply is 200 with {@code render(reply)}, encoded as JSON by the route's renderer. */
  <Q extends BusMessage, R extends BusMessage> Future<Reply<Object>> json(BusOperation<Q, R> operation, Q request,
      Function<? super R, Object> render) {
    return bus.request(operation, request).map(reply -> Reply.ok(render.apply(reply)));
  }

  /** Asks {@code operation}; the reply is 200 with the raw schema text {@code render(reply)} (render it as bytes). */
  <Q extends BusMessage, R extends BusMessage> Future<Reply<Buffer>> raw(BusOperation<Q, R> operation, Q request,
      Function<? super R, String> render) {
    return bus.request(operation, request).map(reply -> Reply.ok(Buffer.buffer(render.apply(reply))));
  }

  /** A version with its metadata and rule set, as the client gave them. */
  static JsonObject version(RegistryMessages.Version v) {
    return withExtras(version(v.version()), v.extras());
  }

  static JsonObject schema(RegistryMessages.Schema s) {
    return withExtras(schema(s.schema()), s.extras());
  }

  private static JsonObject withExtras(JsonObject json, SchemaExtras extras) {
    if (extras.metadata() != null) {
      json.put("metadata", new JsonObject(extras.metadata()));
    }
    if (extras.ruleSet() != null) {
      json.put("ruleSet", new JsonObject(extras.ruleSet()));
    }
    return json;
  }

  static JsonObject version(SubjectVersion v) {
    JsonObject json = new JsonObject().put("subject", v.subject()).put("version", v.version()).put("id", v.id());
    withType(json, v.type());
    return withReferences(json.put("schema", v.schema()), v.references());
  }

  static JsonObject schema(RegisteredSchema s) {
    JsonObject json = new JsonObject();
    withType(json, s.type());
    return withReferences(json.put("schema", s.schema()), s.references());
  }

  /** {@code references} after the schema, left out when there are none (as Confluent's registry does). */
  private static JsonObject withReferences(JsonObject json, List<SchemaReference> references) {
    return references.isEmpty() ? json : json.put("references", SchemaReferences.toJson(references));
  }

  private static void withType(JsonObject json, SchemaType type) {
    if (type != SchemaType.AVRO) {
      json.put("schemaType", type.wireName());
    }
  }
}
