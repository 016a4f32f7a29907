package io.tributary.produce.v3;

import io.tributary.core.error.ErrorCode;
import io.tributary.core.error.TributaryException;
import io.tributary.http.JsonBodies;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongSupplier;
import java.util.regex.Pattern;

/**
 * Reads a {@code records:batch} body, {@code {"entries":[{"id":"1",…record…},…]}}, and applies the request-level
 * rules, each a 422 with code 42208 that rejects the whole batch before anything is written: a body is required,
 * every id is a string of 1–80 characters from {@code [0-9a-zA-Z-_]}, ids are distinct, the batch is not empty
 * and has at most {@code api.v3.produce.batch.maximum.entries} entries. The records themselves are read later,
 * one by one, so that a bad record fails only its own entry.
 */
final class BatchEntries {
  private static final Pattern ID = Pattern.compile("[0-9a-zA-Z_-]{1,80}");

  /**
   * One entry: its id, its record (read already when it was plain, else its JSON for {@link V3RecordParser}) and
   * the size of its JSON (for the byte rate limit, found when asked).
   *
   * @param record the entry's JSON when {@code plain} is null
   * @param plain the entry's record, read by {@link V3StreamingRecordReader}, or null
   */
  record Entry(String id, JsonObject record, V3RecordRequest plain, LongSupplier sizeBytes) {}

  private BatchEntries() {}

  /** The entries of a body; a plain body is read by {@link StreamingBatchEntries}, any other as a tree. */
  static List<Entry> read(Buffer body, Charset charset, int maxEntries) {
    Optional<List<Entry>> plain = StreamingBatchEntries.read(body, charset, maxEntries, ID);
    return plain.isPresent() ? plain.get() : readTree(body, charset, maxEntries);
  }

  /** The tree reading, which answers every body the streaming reading gives up on. */
  static List<Entry> readTree(Buffer body, Charset charset, int maxEntries) {
    JsonArray entries = entriesOf(body, charset);
    List<Entry> out = new ArrayList<>(entries.size());
    for (Object item : entries) {
      if (!(item instanceof JsonObject entry)) {
        throw ErrorCode.BAD_REQUEST.toException("Bad Request: each batch entry must be a JSON object.");
      }
      if (!(entry.getValue("id") instanceof String id) || !ID.matcher(id).matches()) {
        throw invalid("Batch entry identifier is not a valid string.");
      }
      out.add(new Entry(id, entry, null, () -> entry.toBuffer().length()));
    }
    Set<String> ids = new HashSet<>();
    for (Entry entry : out) {
      if (!ids.add(entry.id())) {
        throw invalid("Batch entry IDs are not distinct.");
      }
    }
    if (out.isEmpty()) {
      throw invalid("Empty batch.");
    }
    if (out.size() > maxEntries) {
      throw invalid("Too many entries in batch.");
    }
    return out;
  }

  private static JsonArray entriesOf(Buffer body, Charset charset) {
    String text = body == null ? "" : body.toString(charset);
    if (text.isBlank()) {
      throw invalid("Request body is empty. Data is required.");
    }
    Object json;
    try {
      json = Json.decodeValue(text);
    } catch (DecodeException e) {
      throw ErrorCode.BAD_REQUEST.toException("Malformed JSON in request body: " + JsonBodies.parserMessage(e));
    }
    if (json == null) {
      throw invalid("Request body is empty. Data is required.");
    }
    if (!(json instanceof JsonObject object)) {
      throw ErrorCode.BAD_REQUEST.toException("Request body must be a JSON object.");
    }
    for (String field : object.fieldNames()) {
      if (!field.equals("entries")) {
        throw ErrorCode.UNPROCESSABLE_ENTITY.toException("Unrecognized field: " + field);
      }
    }
    Object entries = object.getValue("entries");
    if (entries == null) {
      return new JsonArray();
    }
    if (!(entries instanceof JsonArray array)) {
      throw ErrorCode.BAD_REQUEST.toException("Bad Request: entries must be a JSON array.");
    }
    return array;
  }

  private static TributaryException invalid(String message) {
    return ErrorCode.INVALID_BATCH.toException(message);
  }
}
