package io.tributary.http;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import io.tributary.core.error.ErrorCode;
import io.tributary.core.error.JsonErrorText;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonObject;
import io.vertx.core.json.jackson.DatabindCodec;
import io.vertx.ext.web.RoutingContext;

/** Reads request bodies as JSON, answering malformed input with 400 and a message free of parser internals. */
public final class JsonBodies {
  private JsonBodies() {}

  /**
   * Sets the limits of Vert.x's one JSON parser (every {@code Json.decodeValue}, {@code new JsonObject(…)}) for
   * request bodies: a string value may be as long as the body that carries it, which {@code request.body.max.bytes}
   * (or a v3 record's size limit) already bounds, instead of Jackson's own 20 million characters. Nesting depth and
   * number length keep Jackson's limits (1000 each), which guard the parser's stack and number conversion.
   */
  public static synchronized void limitStringsByBodySize() {
    JsonFactory factory = DatabindCodec.mapper().getFactory();
    factory.setStreamReadConstraints(StreamReadConstraints.builder()
        .maxStringLength(Integer.MAX_VALUE)
        .maxNestingDepth(factory.streamReadConstraints().getMaxNestingDepth())
        .maxNumberLength(factory.streamReadConstraints().getMaxNumberLength())
        .build());
  }

  /** The body as a JSON object; null when the body is empty. */
  public static JsonObject objectOrNull(RoutingContext ctx) {
    Buffer body = ctx.body().buffer();
    if (body == null || body.length() == 0 || isBlank(body)) {
      return null;
    }
    Object value;
    try {
      value = Json.decodeValue(body);
    } catch (DecodeException e) {
      throw ErrorCode.BAD_REQUEST.toException("Malformed JSON in request body: " + firstLine(e.getMessage()));
    }
    if (value instanceof JsonObject object) {
      return object;
    }
    throw ErrorCode.BAD_REQUEST.toException("Request body must be a JSON object.");
  }

  /** The body as a JSON object; 422 when it is empty. */
  public static JsonObject object(RoutingContext ctx) {
    JsonObject object = objectOrNull(ctx);
    if (object == null) {
      throw ErrorCode.UNPROCESSABLE_ENTITY.toException("Request body is empty. Data is required.");
    }
    return object;
  }

  /**
   * The first line of a JSON parser's complaint without Jackson's source location: what a client may be shown
   * about its malformed JSON (streaming produce reports it per record).
   */
  public static String parserMessage(DecodeException e) {
    return firstLine(e.getMessage());
  }

  private static boolean isBlank(Buffer body) {
    for (int i = 0; i < body.length(); i++) {
      if (!Character.isWhitespace(body.getByte(i))) {
        return false;
      }
    }
    return true;
  }

  private static String firstLine(String message) {
    return JsonErrorText.of(message);
  }
}
