package io.tributary.bench;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.vertx.core.buffer.Buffer;
import java.io.IOException;

/**
 * Checks the answer of a v2 binary read ({@code [{"topic","key","value","partition","offset"}, ...]}) record by
 * record with a streaming parser: every record must have a value (a base64 string, not decoded here) and a partition
 * and offset, which go into the ledger (that rejects an offset given twice).
 */
final class RecordsAnswer {
  private RecordsAnswer() {}

  /** Enters every record of {@code body} into {@code ledger} and yields how many there were. */
  static int enter(Buffer body, OffsetLedger ledger, String reader) {
    int records = 0;
    try (JsonParser parser = JsonAnswers.parser(body)) {
      if (parser.nextToken() != JsonToken.START_ARRAY) {
        throw notAnArray(reader);
      }
      while (parser.nextToken() == JsonToken.START_OBJECT) {
        enterRecord(parser, ledger, reader);
        records++;
      }
      if (parser.currentToken() != JsonToken.END_ARRAY || parser.nextToken() != null) {
        throw notAnArray(reader);
      }
    } catch (IOException e) {
      throw notAnArray(reader);
    }
    return records;
  }

  private static void enterRecord(JsonParser parser, OffsetLedger ledger, String reader) throws IOException {
    boolean value = false;
    Integer partition = null;
    Long offset = null;
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String field = parser.currentName();
      JsonToken token = parser.nextToken();
      switch (field) {
        case "value" -> value = token == JsonToken.VALUE_STRING;
        case "partition" -> partition = token == JsonToken.VALUE_NUMBER_INT ? parser.getIntValue() : null;
        case "offset" -> offset = token == JsonToken.VALUE_NUMBER_INT ? parser.getLongValue() : null;
        default -> parser.skipChildren();
      }
    }
    if (!value) {
      throw new BenchFailure("reading consumer " + reader + " returned a record without a value");
    }
    if (partition == null || offset == null) {
      throw new BenchFailure("reading consumer " + reader + " returned a record without a partition or offset");
    }
    ledger.add(partition, offset);
  }

  private static BenchFailure notAnArray(String reader) {
    return new BenchFailure("reading consumer " + reader + " answered something that is not a JSON array");
  }
}
