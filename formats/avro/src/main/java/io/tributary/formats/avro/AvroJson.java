package io.tributary.formats.avro;

import io.tributary.core.error.JsonErrorText;
import io.tributary.formats.DataMismatchException;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.io.JsonEncoder;

/**
 * The Avro JSON encoding (Avro specification; what kafka-rest accepts and returns): non-null union values wrapped as
 * {@code {"branch": value}} with the full name for named types, bytes and fixed as strings of ISO-8859-1 characters,
 * enums as symbols, logical types as their underlying type. Avro's own JSON decoder and encoder do the work, so the
 * behaviour is Avro's, byte for byte.
 */
final class AvroJson {
  private static final Pattern WRAPPED_EXCEPTION = Pattern.compile("^(?:(?:[a-z][\\w$]*\\.)+[A-Z][\\w$]*: )+");

  private AvroJson() {}

  /** Reads JSON text (UTF-8, one value) as a generic datum of the schema. */
  static Object toDatum(AvroDatumCodecs codecs, byte[] text) {
    try {
      return codecs.readJson(text);
    } catch (IOException | RuntimeException e) {
      // Avro reports type errors as AvroTypeException, Jackson ones as IOExceptions, and a few as other runtime
      // exceptions; all of them mean "this JSON is not a value of that schema".
      throw new DataMismatchException("Conversion of JSON to Avro failed: " + describe(e));
    }
  }

  /**
   * {@link #toDatum} for each of several JSON texts, read through one decoder; when that fails, each is read on its
   * own, so that the failure is the first failing value's, worded as {@link #toDatum} words it.
   */
  static List<Object> toDatums(AvroDatumCodecs codecs, List<byte[]> texts) {
    try {
      return codecs.readJsonAll(texts);
    } catch (IOException | RuntimeException e) {
      List<Object> datums = new ArrayList<>(texts.size());
      for (byte[] text : texts) {
        datums.add(toDatum(codecs, text));
      }
      return datums;
    }
  }

  /** Writes a generic datum in the Avro JSON encoding and returns it as a vertx JSON value. */
  static Object toJson(Schema schema, Object datum) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    JsonEncoder encoder = EncoderFactory.get().jsonEncoder(schema, out);
    new GenericDatumWriter<>(schema).write(datum, encoder);
    encoder.flush();
    try {
      return Json.decodeValue(out.toString(StandardCharsets.UTF_8));
    } catch (DecodeException e) {
      // Defensive: Avro's encoder writes through Jackson, so its output should always parse.
      throw new IOException("Avro value has no JSON representation: " + e.getMessage(), e);
    }
  }

  static String describe(Exception e) {
    String message = e.getMessage();
    if (message == null) {
      return JsonErrorText.of(null);
    }
    String line = message.lines().findFirst().orElse(message);
    // Avro wraps Jackson's errors as "<exception class>: <message> (… at [Source: …])": the class names and the
    // source location are internals that say nothing to a client.
    line = WRAPPED_EXCEPTION.matcher(line).replaceFirst("");
    int source = line.indexOf(" (start marker at [Source");
    source = source >= 0 ? source : line.indexOf(" at [Source");
    // What is left may still name a parser setting ("enable `JsonReadFeature.…` to allow").
    return JsonErrorText.of(source >= 0 ? line.substring(0, source) : line);
  }
}
