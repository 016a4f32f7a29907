package io.tributary.produce.v3;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.tributary.formats.JsonStreams;
import io.tributary.produce.v3.BatchEntries.Entry;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongSupplier;
import java.util.regex.Pattern;

/**
 * A {@code records:batch} body read by Jackson's streaming parser: one pass over the body finds each entry's id and
 * where its JSON lies, then each entry is read by {@link V3StreamingRecordReader} from those bytes; only an entry that
 * is not plain becomes a JSON tree (of itself alone), for {@link V3RecordParser} to answer. It takes only a body that
 * breaks none of the batch's own rules (UTF-8, well-formed, only {@code entries}, entries that are objects with
 * valid, distinct ids, not empty, not too many); for any other it gives up ({@link Optional#empty()}) and
 * {@link BatchEntries} reads the body as a tree and refuses it with the message it always had.
 */
final class StreamingBatchEntries {
  private StreamingBatchEntries() {}

  static Optional<List<Entry>> read(Buffer body, Charset charset, int maxEntries, Pattern idPattern) {
    if (body == null || body.length() == 0 || !charset.equals(StandardCharsets.UTF_8)) {
      return Optional.empty();
    }
    byte[] bytes = body.getBytes();
    try {
      List<Slice> slices = slices(bytes, maxEntries, idPattern);
      if (slices == null) {
        return Optional.empty();
      }
      List<Entry> out = new ArrayList<>(slices.size());
      for (Slice slice : slices) {
        out.add(entry(bytes, slice));
      }
      return Optional.of(out);
    } catch (IOException | RuntimeException e) {
      // Malformed, over a parser limit, or a duplicate name: the tree reading says which, in its words.
      return Optional.empty();
    }
  }

  private record Slice(String id, int offset, int length) {}

  /** Every entry's id and bytes; null when the body breaks a batch rule (or is not the plain shape). */
  private static List<Slice> slices(byte[] bytes, int maxEntries, Pattern idPattern) throws IOException {
    try (JsonParser parser = JsonStreams.parser(bytes, 0, bytes.length)) {
      if (parser.nextToken() != JsonToken.START_OBJECT || parser.nextToken() != JsonToken.FIELD_NAME
          || !parser.currentName().equals("entries") || parser.nextToken() != JsonToken.START_ARRAY) {
        return null;
      }
      List<Slice> slices = new ArrayList<>();
      Set<String> ids = new HashSet<>();
      JsonToken token;
      while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
        if (token != JsonToken.START_OBJECT) {
          return null;
        }
        long start = parser.currentTokenLocation().getByteOffset();
        String id = null;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
          String name = parser.currentName();
          JsonToken value = parser.nextToken();
          if (name.equals("id")) {
            if (value != JsonToken.VALUE_STRING) {
              return null;
            }
            id = parser.getText();
          } else {
            parser.skipChildren();
          }
        }
        long end = parser.currentLocation().getByteOffset();
        if (id == null || !idPattern.matcher(id).matches() || !ids.add(id) || start < 0 || end <= start) {
          return null;
        }
        slices.add(new Slice(id, (int) start, (int) (end - start)));
      }
      if (parser.nextToken() != JsonToken.END_OBJECT || parser.nextToken() != null || slices.isEmpty()
          || slices.size() > maxEntries) {
        return null;
      }
      return slices;
    }
  }

  private static Entry entry(byte[] bytes, Slice slice) {
    // The byte rate limit counts an entry by its compact JSON, as the tree reading did; found only when asked.
    LongSupplier size = () -> {
      try {
        return JsonStreams.compactLength(bytes, slice.offset(), slice.length());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    };
    Optional<V3RecordRequest> plain = V3StreamingRecordReader.read(bytes, slice.offset(), slice.length());
    if (plain.isPresent()) {
      return new Entry(slice.id(), null, plain.get(), size);
    }
    JsonObject tree = (JsonObject) Json.decodeValue(Buffer.buffer().appendBytes(bytes, slice.offset(),
        slice.length()));
    return new Entry(slice.id(), tree, null, () -> tree.toBuffer().length());
  }
}
