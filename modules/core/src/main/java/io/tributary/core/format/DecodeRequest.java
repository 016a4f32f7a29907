package io.tributary.core.format;

import io.tributary.core.bus.BusMessage;
import java.util.List;

/**
 * Decode stored keys or values into JSON ({@code tributary.format.decode}); the reply is {@link DecodeResult}. A
 * null value decodes to JSON null. A failure carries 50002 (bytes that are not Confluent framing, an unknown schema
 * id, a payload that does not decode, a schema of another format) or 50303 (the registry is unreachable).
 *
 * @param format the consumer's embedded format (avro, jsonschema, protobuf): each value's schema must be of it
 */
public record DecodeRequest(RecordPart part, EmbeddedFormat format, List<EncodedValue> values)
    implements BusMessage {

  public DecodeRequest {
    values = List.copyOf(values);
  }
}
