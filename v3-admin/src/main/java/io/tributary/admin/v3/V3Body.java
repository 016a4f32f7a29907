package io.tributary.admin.v3;

import io.tributary.core.error.ErrorCode;
import io.tributary.core.error.TributaryException;
import io.tributary.http.JsonBodies;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A v3 request body with the checks kafka-rest's JSON binding made: an empty body is a 42206 payload error, an
 * unknown field is 422 "Unrecognized field", a field of the wrong JSON type is 400, a missing required field 42206.
 */
final class V3Body {
  static final int KAFKA_MAX_STRING_BYTES = Short.MAX_VALUE;

  private final JsonObject json;

  private V3Body(JsonObject json) {
    this.json = json;
  }

  /**
   * The request's body, which may name only {@code fields}. {@code whenEmpty} completes the 42206 message for an
   * empty body ("Request body is empty. Data is required.").
   */
  static V3Body of(RoutingContext ctx, String whenEmpty, Set<String> fields) {
    JsonObject json = JsonBodies.objectOrNull(ctx);
    if (json == null) {
      throw payloadError(whenEmpty);
    }
    return of(json, fields);
  }

  /** A nested object of a body, with the same checks. */
  static V3Body of(JsonObject json, Set<String> fields) {
    for (String name : json.fieldNames()) {
      if (!fields.contains(name)) {
        throw ErrorCode.UNPROCESSABLE_ENTITY.toException("Unrecognized field: " + name);
      }
    }
    return new V3Body(json);
  }

  static TributaryException payloadError(String detail) {
    return ErrorCode.INVALID_PAYLOAD.toException("Payload error. " + detail);
  }

  boolean has(String name) {
    return json.getValue(name) != null;
  }

  String requiredString(String name) {
    String value = string(name);
    if (value == null) {
      throw payloadError(name + " is required.");
    }
    return value;
  }

  String string(String name) {
    String value = typed(name, String.class, "a string");
    // Kafka's protocol carries a string in at most 32767 bytes; a longer one would fail inside the Admin client's
    // own thread (which does not survive it) instead of failing this request.
    if (value != null && value.length() > KAFKA_MAX_STRING_BYTES / 3
        && value.getBytes(StandardCharsets.UTF_8).length > KAFKA_MAX_STRING_BYTES) {
      throw ErrorCode.BAD_REQUEST.toException("Cannot deserialize field " + name + ": longer than "
          + KAFKA_MAX_STRING_BYTES + " bytes.");
    }
    return value;
  }

  Integer integer(String name) {
    Object value = json.getValue(name);
    if (value == null) {
      return null;
    }
    if (value instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())
        && n.doubleValue() >= Integer.MIN_VALUE && n.doubleValue() <= Integer.MAX_VALUE) {
      return n.intValue();
    }
    throw wrongType(name, "an integer");
  }

  boolean bool(String name, boolean absent) {
    Boolean value = typed(name, Boolean.class, "true or false");
    return value == null ? absent : value;
  }

  JsonArray array(String name) {
    return typed(name, JsonArray.class, "an array");
  }

  /** A required array whose every element is an object (42206 when absent, 400 when it is anything else). */
  List<JsonObject> objects(String name) {
    JsonArray array = array(name);
    if (array == null) {
      throw payloadError(name + " is required.");
    }
    List<JsonObject> objects = new ArrayList<>();
    for (Object element : array) {
      if (!(element instanceof JsonObject object)) {
        throw wrongType(name, "an array of objects");
      }
      objects.add(object);
    }
    return objects;
  }

  JsonObject object(String name) {
    return typed(name, JsonObject.class, "an object");
  }

  private <T> T typed(String name, Class<T> type, String expected) {
    Object value = json.getValue(name);
    if (value == null) {
      return null;
    }
    if (!type.isInstance(value)) {
      throw wrongType(name, expected);
    }
    return type.cast(value);
  }

  /**
   * A required field whose absence kafka-rest's JSON binding itself refused (it could not build the request object
   * at all): 400 with error_code 400, where a field its validation checked afterwards is 42206.
   */
  static TributaryException missingField(String name) {
    return ErrorCode.BAD_REQUEST.toException("Cannot deserialize the request: " + name + " is required.");
  }

  static TributaryException wrongType(String name, String expected) {
    return ErrorCode.BAD_REQUEST.toException("Cannot deserialize field " + name + ": expected " + expected + ".");
  }
}
