package io.tributary.formats.avro;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
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
 * Jackson factory each time (the {@code InputStream} variant shares one, but still opens a parser, with buffers of
 * its own that it never gives back, per call: see {@link #readJsonAll}). Each set is used by one thread at a time:
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

  /**
   * Reads several JSON texts (UTF-8, one value each) as datums of the schema, through one decoder over all of them:
   * the decoder opens one Jackson parser per {@code configure}, which for a request of small records costs more than
   * reading them. Avro's decoder reads a stream of values one datum at a time, and a datum read without error ends
   * where its value ends, so the values cannot run into each other. A failure says nothing of which value failed:
   * the caller reads them one by one then ({@link #readJson}).
   */
  List<Object> readJsonAll(List<byte[]> jsons) throws IOException {
    Codec codec = take();
    try {
      codec.decoder.configure(new ByteArrayInputStream(separated(jsons)));
      List<Object> datums = new ArrayList<>(jsons.size());
      for (int i = 0; i < jsons.size(); i++) {
        datums.add(codec.reader.read(null, codec.decoder));
      }
      return datums;
    } finally {
      idle.offer(codec);
    }
  }

  /** The texts one after another, a space between each two (two numbers must not run together). */
  private static byte[] separated(List<byte[]> jsons) {
    int length = Math.max(0, jsons.size() - 1);
    for (byte[] json : jsons) {
      length += json.length;
    }
    byte[] joined = new byte[length];
    int at = 0;
    for (byte[] json : jsons) {
      if (at > 0) {
        joined[at++] = ' ';
      }
      System.arraycopy(json, 0, joined, at, json.length);
      at += json.length;
    }
    return joined;
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
