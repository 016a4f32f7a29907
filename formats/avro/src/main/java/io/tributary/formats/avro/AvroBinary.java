package io.tributary.formats.avro;

import java.io.IOException;
import java.nio.ByteBuffer;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DecoderFactory;

/**
 * Avro binary payloads as the Confluent serializers write them: the datum's binary encoding, except that a schema
 * of plain {@code "bytes"} carries the raw bytes without Avro's length prefix (a long-standing quirk of Confluent's
 * Avro serializer and deserializer that every compatible reader relies on).
 */
final class AvroBinary {
  private AvroBinary() {}

  static byte[] write(Schema schema, AvroDatumCodecs codecs, Object datum) throws IOException {
    if (schema.getType() == Schema.Type.BYTES) {
      ByteBuffer buffer = ((ByteBuffer) datum).duplicate();
      byte[] raw = new byte[buffer.remaining()];
      buffer.get(raw);
      return raw;
    }
    return codecs.writeBinary(datum);
  }

  static Object read(Schema schema, byte[] payload) throws IOException {
    if (schema.getType() == Schema.Type.BYTES) {
      return ByteBuffer.wrap(payload.clone());
    }
    BinaryDecoder decoder = DecoderFactory.get().binaryDecoder(payload, null);
    return new GenericDatumReader<>(schema).read(null, decoder);
  }
}
