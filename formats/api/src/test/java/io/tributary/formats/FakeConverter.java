package io.tributary.formats;

import io.tributary.core.error.TributaryException;
import io.tributary.core.format.DecodeRequest;
import io.tributary.core.format.DecodeResult;
import io.tributary.core.format.DecodeResult.DecodedValue;
import io.tributary.core.format.EmbeddedFormat;
import io.tributary.core.format.EncodeRequest;
import io.tributary.core.format.EncodeResult;
import io.tributary.core.format.RecordPart;
import io.vertx.core.Future;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A converter that answers at once and remembers what it was asked: encodes a value as the UTF-8 of its JSON text
 * with schema id 10 for keys and 20 for values, decodes bytes as that text, or fails a part as told.
 */
final class FakeConverter implements FormatConverter {
  final List<EncodeRequest> encodes = new ArrayList<>();
  final List<DecodeRequest> decodes = new ArrayList<>();
  final Map<RecordPart, TributaryException> failures = new EnumMap<>(RecordPart.class);

  FakeConverter failing(RecordPart part, TributaryException failure) {
    failures.put(part, failure);
    return this;
  }

  @Override
  public Future<EncodeResult> encode(EncodeRequest request) {
    encodes.add(request);
    if (failures.containsKey(request.part())) {
      return Future.failedFuture(failures.get(request.part()));
    }
    List<byte[]> bytes = request.values().stream()
        .map(v -> String.valueOf(v).getBytes(StandardCharsets.UTF_8)).toList();
    return Future.succeededFuture(new EncodeResult(EmbeddedFormat.AVRO, idOf(request.part()),
        request.topic() + "-" + request.part().label(), 1, bytes));
  }

  @Override
  public Future<DecodeResult> decode(DecodeRequest request) {
    decodes.add(request);
    if (failures.containsKey(request.part())) {
      return Future.failedFuture(failures.get(request.part()));
    }
    return Future.succeededFuture(new DecodeResult(request.values().stream().map(v -> v.bytes() == null
        ? new DecodedValue(null, null)
        : new DecodedValue(new String(v.bytes(), StandardCharsets.UTF_8), idOf(request.part()))).toList()));
  }

  static int idOf(RecordPart part) {
    return part.isKey() ? 10 : 20;
  }
}
