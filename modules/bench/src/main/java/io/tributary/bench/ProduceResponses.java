package io.tributary.bench;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * Checks a v1/v2 produce answer ({@code {"offsets":[{"partition","offset","error_code","error"}, ...], ...}}): the
 * request counts only when the status is 200 and every one of the expected records has an offset and a null
 * {@code error_code}.
 */
final class ProduceResponses {
  private static final int SHOWN_BODY_CHARS = 500;

  private ProduceResponses() {}

  static int acceptedRecords(int status, Buffer body, int expectedRecords) {
    if (status != 200) {
      throw failure("HTTP " + status, body);
    }
    JsonArray offsets;
    try {
      offsets = new JsonObject(body).getJsonArray("offsets");
    } catch (DecodeException | ClassCastException e) {
      throw failure("an answer that is not a produce response", body);
    }
    if (offsets == null || offsets.size() != expectedRecords) {
      throw failure("offsets for " + (offsets == null ? "no" : offsets.size()) + " of " + expectedRecords
          + " records", body);
    }
    for (int i = 0; i < offsets.size(); i++) {
      JsonObject offset = offsets.getJsonObject(i);
      if (offset.getValue("error_code") != null || offset.getValue("offset") == null) {
        throw failure("a failed record at index " + i, body);
      }
    }
    return expectedRecords;
  }

  private static BenchFailure failure(String what, Buffer body) {
    String text = body.toString();
    if (text.length() > SHOWN_BODY_CHARS) {
      text = text.substring(0, SHOWN_BODY_CHARS) + "...";
    }
    return new BenchFailure("produce answered with " + what + ": " + text);
  }
}
