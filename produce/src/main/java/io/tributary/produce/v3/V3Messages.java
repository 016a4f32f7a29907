package io.tributary.produce.v3;

import io.tributary.core.error.ErrorCode;
import io.tributary.core.error.TributaryException;
import io.vertx.core.json.Json;

/** The wording of v3 produce errors, kafka-rest's "Title: detail" style, in one place. */
final class V3Messages {
  static final String RATE_LIMITED =
      "Request rate limit exceeded: The rate limit of requests per second has been exceeded.";
  static final String STREAM_TOO_OLD =
      "Streaming connection open for longer than allowed: Connection will be closed.";
  static final String RECORD_TOO_LARGE =
      "Bad Request: Error processing message: Produce request size is larger than allowed threshold";
  static final String RECORD_OVER_BODY_LIMIT =
      "Request entity too large: a record is larger than the largest request body this server accepts.";
  static final String EMPTY_STREAM = "Payload error. Request body is empty. Data is required.";

  private static final int EXCERPT_CHARS = 64;

  private V3Messages() {}

  /** A per-record 400 in kafka-rest's "Bad Request: …" form. */
  static TributaryException badRequest(String detail) {
    return ErrorCode.BAD_REQUEST.toException("Bad Request: " + detail);
  }

  /** A JSON value as it may be quoted back in a message: compact, and cut short when long. */
  static String excerpt(Object json) {
    String text = Json.encode(json);
    return text.length() <= EXCERPT_CHARS ? text : text.substring(0, EXCERPT_CHARS) + "…";
  }
}
