package io.tributary.formats;

import io.tributary.core.auth.Principal;
import io.tributary.core.bus.BusFailures;
import io.tributary.core.error.ErrorCode;
import io.tributary.core.error.TributaryException;
import io.tributary.core.format.EmbeddedFormat;
import io.tributary.core.produce.OutgoingRecord;
import io.tributary.formats.DataConversionException.Part;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * Reads the produce body of Confluent's v1 and v2 ({@code {"records":[{"key":…,"value":…,"partition":…}]}}) into
 * records ready for Kafka: binary and json with an {@link EmbeddedCodec}, the schema formats through the
 * {@link FormatConverter} ({@link #prepare}). Every record is converted before the caller sends anything, so one bad
 * record rejects the whole request. Like kafka-rest, unknown fields are refused rather than ignored: a misspelt
 * {@code "vlaue"} must not produce nulls. Shape errors are 422 in both generations; what differs between them is a
 * constructor parameter: whether the partition endpoint's records may name a partition of their own, and how data
 * a codec or a schema refuses is reported.
 */
public final class ProduceRecordsReader {
  /** What a record's own {@code partition} means on {@code POST /topics/{t}/partitions/{p}}. */
  public enum RecordPartition {
    /** v1: the field does not exist there ("Unrecognized field: partition"). */
    REFUSED_ON_PARTITION_PATH,
    /** v2 (kafka-rest 6.0+): a record's partition wins over the path's. */
    OVERRIDES_PATH
  }

  /** Turns a codec's refusal of one key or value into the generation's error. */
  @FunctionalInterface
  public interface ConversionFailure {
    /** {@code data} is the JSON value the codec refused (a String, a Number, a JsonObject…). */
    TributaryException toException(DataConversionException failure, Object data);
  }

  /** Records ready for Kafka, and the ids of the schemas their keys and values were written with (else null). */
  public record PreparedRecords(List<OutgoingRecord> records, Integer keySchemaId, Integer valueSchemaId) {
    public PreparedRecords {
      records = List.copyOf(records);
    }
  }

  /** One record of the body, shape checked, data not converted yet. */
  record RecordJson(Object key, Object value, Integer partition) {}

  // The schema fields belong to the schema formats; binary and json accept and ignore them, as kafka-rest did.
  private static final Set<String> BODY_FIELDS = Set.of("records", "key_schema", "value_schema", "key_schema_id",
      "value_schema_id");
  private static final Set<String> RECORD_FIELDS = Set.of("key", "value", "partition");
  private static final Set<String> RECORD_FIELDS_WITHOUT_PARTITION = Set.of("key", "value");

  private final RecordPartition recordPartition;
  private final ConversionFailure conversionFailure;
  private final UnaryOperator<TributaryException> schemaFailure;

  /** Schema-format failures are reported with the converters' codes (v1's rules). */
  public ProduceRecordsReader(RecordPartition recordPartition, ConversionFailure conversionFailure) {
    this(recordPartition, conversionFailure, UnaryOperator.identity());
  }

  /**
   * @param schemaFailure how the generation reports a converter's failure (v2 answers data that does not fit its
   *     schema, 42203, with 400 "Bad Request: …")
   */
  public ProduceRecordsReader(RecordPartition recordPartition, ConversionFailure conversionFailure,
      UnaryOperator<TributaryException> schemaFailure) {
    this.recordPartition = recordPartition;
    this.conversionFailure = conversionFailure;
    this.schemaFailure = schemaFailure;
  }

  /**
   * The records of a produce body in any embedded format: binary and json converted here, the schema formats by the
   * converters (one call for all keys, one for all values) before the future completes. A body that is refused is a
   * failed future with the generation's error, never an exception.
   *
   * @param pathPartition the partition of {@code POST /topics/{t}/partitions/{p}}, or null for the topic endpoint
   * @param principal who produces: a schema the converters would register needs schema-write on its subject
   */
  public Future<PreparedRecords> prepare(JsonObject body, String topic, EmbeddedFormat format,
      Integer pathPartition, FormatConverter converter, Principal principal) {
    try {
      Optional<EmbeddedCodec> codec = EmbeddedCodec.builtIn(format);
      if (codec.isPresent()) {
        return Future.succeededFuture(new PreparedRecords(read(body, codec.get(), pathPartition), null, null));
      }
      return SchemaRecordsEncoder.encode(topic, format, body, shapes(body, pathPartition), converter,
          principal)
          .recover(e -> Future.failedFuture(schemaFailure.apply(BusFailures.asTributary(e))));
    } catch (TributaryException e) {
      return Future.failedFuture(e);
    }
  }

  /**
   * {@link #prepare(JsonObject, String, EmbeddedFormat, Integer, FormatConverter, Principal)} for the raw body: a
   * plain body is read by the streaming parser straight into records (see {@link StreamingProduceBody}); any other
   * is read as the tree {@code tree} gives, so that every refusal keeps its message.
   *
   * @param tree the body as a JSON object, or the refusal of a body that is empty or not one (a
   *     TributaryException); asked for only when the streaming reading gives up
   */
  public Future<PreparedRecords> prepare(Buffer body, Supplier<JsonObject> tree, String topic,
      EmbeddedFormat format, Integer pathPartition, FormatConverter converter, Principal principal) {
    boolean recordsMayNamePartition = pathPartition == null || recordPartition == RecordPartition.OVERRIDES_PATH;
    Optional<StreamingProduceBody.Read> plain = StreamingProduceBody.read(body, format, pathPartition,
        recordsMayNamePartition);
    if (plain.isEmpty()) {
      JsonObject json;
      try {
        json = tree.get();
      } catch (TributaryException e) {
        return Future.failedFuture(e);
      }
      return prepare(json, topic, format, pathPartition, converter, principal);
    }
    StreamingProduceBody.Read read = plain.get();
    if (EmbeddedCodec.builtIn(format).isPresent()) {
      return Future.succeededFuture(new PreparedRecords(read.records(), null, null));
    }
    try {
      return SchemaRecordsEncoder.encode(topic, format, read.schemaFields(), read.shapes(), converter, principal)
          .recover(e -> Future.failedFuture(schemaFailure.apply(BusFailures.asTributary(e))));
    } catch (TributaryException e) {
      return Future.failedFuture(e);
    }
  }

  /** Records for {@code POST /topics/{t}}: each may name its own partition. */
  public List<OutgoingRecord> forTopic(JsonObject body, EmbeddedCodec codec) {
    return read(body, codec, null);
  }

  /**
   * Records for {@code POST /topics/{t}/partitions/{p}}: they go to {@code partition}, unless the generation lets a
   * record name its own.
   */
  public List<OutgoingRecord> forPartition(JsonObject body, EmbeddedCodec codec, int partition) {
    return read(body, codec, partition);
  }

  private List<OutgoingRecord> read(JsonObject body, EmbeddedCodec codec, Integer pathPartition) {
    List<RecordJson> shapes = shapes(body, pathPartition);
    List<OutgoingRecord> out = new ArrayList<>(shapes.size());
    for (RecordJson record : shapes) {
      out.add(OutgoingRecord.of(convert(codec, record.key(), Part.KEY), convert(codec, record.value(), Part.VALUE),
          record.partition()));
    }
    return List.copyOf(out);
  }

  /** The body's records with their shape checked and their partition settled; the data is left as it came. */
  private List<RecordJson> shapes(JsonObject body, Integer pathPartition) {
    rejectUnknownFields(body, BODY_FIELDS);
    JsonArray records = recordsOf(body);
    boolean recordsMayNamePartition = pathPartition == null || recordPartition == RecordPartition.OVERRIDES_PATH;
    Set<String> recordFields = recordsMayNamePartition ? RECORD_FIELDS : RECORD_FIELDS_WITHOUT_PARTITION;
    List<RecordJson> out = new ArrayList<>(records.size());
    for (int i = 0; i < records.size(); i++) {
      if (!(records.getValue(i) instanceof JsonObject record)) {
        throw invalid("records[" + i + "] must be a JSON object");
      }
      rejectUnknownFields(record, recordFields);
      Integer own = partitionOf(record, i);
      out.add(new RecordJson(record.getValue("key"), record.getValue("value"), own != null ? own : pathPartition));
    }
    return out;
  }

  private static JsonArray recordsOf(JsonObject body) {
    Object records = body.getValue("records");
    if (records == null || (records instanceof JsonArray array && array.isEmpty())) {
      throw invalid("records may not be empty");
    }
    if (!(records instanceof JsonArray array)) {
      throw invalid("records must be a JSON array");
    }
    return array;
  }

  private static Integer partitionOf(JsonObject record, int index) {
    Object partition = record.getValue("partition");
    if (partition == null) {
      return null;
    }
    if ((partition instanceof Integer || partition instanceof Long) && ((Number) partition).longValue() >= 0
        && ((Number) partition).longValue() <= Integer.MAX_VALUE) {
      return ((Number) partition).intValue();
    }
    throw invalid("records[" + index + "].partition must be a non-negative integer");
  }

  private byte[] convert(EmbeddedCodec codec, Object json, Part part) {
    try {
      return codec.toBytes(json, part);
    } catch (DataConversionException e) {
      throw conversionFailure.toException(e, json);
    }
  }

  private static void rejectUnknownFields(JsonObject object, Set<String> known) {
    for (String field : object.fieldNames()) {
      if (!known.contains(field)) {
        throw invalid("Unrecognized field: " + field);
      }
    }
  }

  static TributaryException invalid(String message) {
    return ErrorCode.UNPROCESSABLE_ENTITY.toException(message);
  }
}
