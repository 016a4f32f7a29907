package io.tributary.formats.avro;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.io.JsonDecoder;

/**
 * The JSON reader and binary writer of one schema, kept for every record written with it. Building them is what a
 * produced Avro record used to cost most: a JSON decoder compiles the schema into a grammar when it is created, a
 * datum reader resolves the schema on its first read, and {@link JsonDecoder#configure(String)} even creates a new
 * Jackson factory each time (the {@code InputStream} variant shares one). Each set is used by one thread at a time:
 * a converter takes one from the pool (or builds one) and puts it back when done, so the pool holds at most as many
 * as threads ever converted at once.
 */
final class AvroDatumCodecs {
  private final Schema schema;
  private final Queue<Codec> idle = new ConcurrentLinkedQueue<>();

  AvroDatumCodecs(Schema schema) {
    this.schema = schema;
  }

  /** Reads Avro JSON text (UTF-8) as a generic datum of the schema. */
  Object readJson(byte[] json) throws IOException {
    Codec codec = take();
    try {
      codec.decoder.configure(new ByteArrayInputStream(json));
      return codec.reader.read(null, codec.decoder);
    } finally {
      // configure() resets the decoder's state, so a decoder that failed half-way is fit for the next record.
      idle.offer(codec);
    }
  }

  /** The datum's Avro binary encoding. */
  byte[] writeBinary(Object datum) throws IOException {
    Codec codec = take();
    try {
      codec.out.reset();
      codec.encoder = EncoderFactory.get().directBinaryEncoder(codec.out, codec.encoder);
      codec.writer.write(datum, codec.encoder);
      codec.encoder.flush();
      return codec.out.toByteArray();
    } finally {
      idle.offer(codec);
    }
  }

  private Codec take() throws IOException {
    Codec codec = idle.poll();
    return codec != null ? codec : new Codec(schema);
  }

  private static final class Codec {
    final GenericDatumReader<Object> reader;
    final JsonDecoder decoder;
    final GenericDatumWriter<Object> writer;
    final ByteArrayOutputStream out = new ByteArrayOutputStream(256);
    BinaryEncoder encoder;

    Codec(Schema schema) throws IOException {
      reader = new GenericDatumReader<>(schema);
      decoder = DecoderFactory.get().jsonDecoder(schema, new ByteArrayInputStream(new byte[0]));
      writer = new GenericDatumWriter<>(schema);
    }
  }
}
