package io.tributary.bench;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.vertx.core.buffer.Buffer;
import java.io.IOException;

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
    int offsets = -1;
    try (JsonParser parser = JsonAnswers.parser(body)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        throw failure("an answer that is not a produce response", body);
      }
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String field = parser.currentName();
        JsonToken value = parser.nextToken();
        if (field.equals("offsets") && value == JsonToken.START_ARRAY) {
          offsets = checkOffsets(parser, body);
        } else if (field.equals("offsets") && value != JsonToken.VALUE_NULL) {
          throw failure("an answer that is not a produce response", body);
        } else {
          parser.skipChildren();
        }
      }
      if (parser.nextToken() != null) {
        throw failure("an answer that is not a produce response", body);
      }
    } catch (IOException e) {
      throw failure("an answer that is not a produce response", body);
    }
    if (offsets != expectedRecords) {
      throw failure("offsets for " + (offsets < 0 ? "no" : offsets) + " of " + expectedRecords + " records", body);
    }
    return expectedRecords;
  }

  /**
   * Reads the {@code offsets} array (the parser on its start) and yields its length; every entry must have an offset
   * and a null (or no) {@code error_code}.
   */
  private static int checkOffsets(JsonParser parser, Buffer body) throws IOException {
    int index = 0;
    JsonToken entry;
    while ((entry = parser.nextToken()) != JsonToken.END_ARRAY) {
      if (entry != JsonToken.START_OBJECT) {
        throw failure("an answer that is not a produce response", body);
      }
      boolean failed = false;
      boolean hasOffset = false;
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String field = parser.currentName();
        JsonToken value = parser.nextToken();
        if (field.equals("error_code")) {
          failed = value != JsonToken.VALUE_NULL;
        } else if (field.equals("offset")) {
          hasOffset = value != JsonToken.VALUE_NULL;
        }
        parser.skipChildren();
      }
      if (failed || !hasOffset) {
        throw failure("a failed record at index " + index, body);
      }
      index++;
    }
    return index;
  }

  private static BenchFailure failure(String what, Buffer body) {
    String text = body.toString();
    if (text.length() > SHOWN_BODY_CHARS) {
      text = text.substring(0, SHOWN_BODY_CHARS) + "...";
    }
    return new BenchFailure("produce answered with " + what + ": " + text);
  }
}
