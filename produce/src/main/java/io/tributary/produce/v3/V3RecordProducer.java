package io.tributary.produce.v3;

import io.tributary.core.bus.ProduceOps;
import io.tributary.core.error.ErrorCode;
import io.tributary.core.error.TributaryException;
import io.tributary.core.produce.OutgoingRecord;
import io.tributary.core.produce.ProduceFormat;
import io.tributary.core.produce.ProduceGeneration;
import io.tributary.core.produce.ProduceOrigin;
import io.tributary.core.produce.ProduceRequest;
import io.tributary.core.produce.RecordReceipt;
import io.tributary.formats.FormatConverter;
import io.tributary.http.Bus;
import io.tributary.produce.v3.RecordOutcome.DataReport;
import io.tributary.produce.v3.RecordOutcome.Written;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * The life of v3 records, shared by streaming produce and {@code records:batch}: {@link #prepare} reads one record,
 * applies the rate limit, checks the partition and converts key and value (the schema formats through the format
 * converters); {@link #send} hands a group of prepared records to the produce engine as one request and answers
 * with one outcome per record.
 *
 * <p>A group is sent as one engine request so that a stream pays one bus round trip per network chunk rather than
 * per record. The engine refuses a record that names a missing partition on its own (40402) and writes the
 * others; it sends the requests of one topic in the order they arrive, so records reach each partition in input
 * order. Unknown topics are created when the cluster would create them (as kafka-rest's producer caused), and
 * otherwise every record is refused with 40401 at once.
 */
final class V3RecordProducer {
  private final Bus bus;
  private final FormatConverter converter;
  private final ProduceRateLimits rateLimits;

  /** @param rateLimits null when rate limiting is off */
  V3RecordProducer(Bus bus, ProduceRateLimits rateLimits) {
    this.bus = bus;
    this.converter = FormatConverter.over(bus::request);
    this.rateLimits = rateLimits;
  }

  /**
   * One record ready for Kafka, once its key and value are converted.
   *
   * @param sizeBytes the size of the record's JSON, which the byte rate limit counts (asked only when it is on)
   * @throws TributaryException the record's refusal (400, 40402, 429…); a refusal of the format converters (400,
   *     422…, 50303) comes as a failed future
   */
  Future<EncodedRecord> prepare(JsonObject json, LongSupplier sizeBytes, ProduceTarget target) {
    return prepare(V3RecordParser.parse(json), sizeBytes, target);
  }

  /** {@link #prepare(JsonObject, LongSupplier, ProduceTarget)} for a record already read (its shape checked). */
  Future<EncodedRecord> prepare(V3RecordRequest request, LongSupplier sizeBytes, ProduceTarget target) {
    if (rateLimits != null && !rateLimits.tryAcquire(target.pathClusterId(), sizeBytes.getAsLong())) {
      throw ErrorCode.TOO_MANY_REQUESTS.toException(V3Messages.RATE_LIMITED);
    }
    if (request.partition() != null && request.partition() < 0) {
      throw ErrorCode.PARTITION_NOT_FOUND.toException();
    }
    return V3RecordEncoder.encode(request, target.topic(), converter, target.principal());
  }

  /** Prepares a record into {@code group}; a record that is refused gets its outcome at once instead. */
  Future<RecordOutcome> enlist(RecordGroup group, JsonObject json, LongSupplier sizeBytes, ProduceTarget target) {
    try {
      return group.add(prepare(json, sizeBytes, target));
    } catch (TributaryException e) {
      return Future.succeededFuture(RecordOutcome.refused(e));
    }
  }

  /** {@link #enlist(RecordGroup, JsonObject, LongSupplier, ProduceTarget)} for a record already read. */
  Future<RecordOutcome> enlist(RecordGroup group, V3RecordRequest request, LongSupplier sizeBytes,
      ProduceTarget target) {
    try {
      return group.add(prepare(request, sizeBytes, target));
    } catch (TributaryException e) {
      return Future.succeededFuture(RecordOutcome.refused(e));
    }
  }

  /** Sends prepared records in order; one outcome per record, in the same order. The future never fails. */
  Future<List<RecordOutcome>> send(ProduceTarget target, List<EncodedRecord> records) {
    List<OutgoingRecord> outgoing = records.stream().map(EncodedRecord::record).toList();
    return bus.request(ProduceOps.SEND, new ProduceRequest(target.topic(), outgoing, true, true,
            new ProduceOrigin(ProduceGeneration.V3, format(records))))
        .map(result -> outcomes(result.receipts(), records))
        .otherwise(error -> {
          RecordOutcome refused = RecordOutcome.refused(error instanceof TributaryException te
              ? te : ErrorCode.INTERNAL.toException());
          return records.stream().map(r -> refused).toList();
        });
  }

  /**
   * The format label of a group: each record counts by its value's type (its key's when it has no value; binary,
   * Kafka's null, when it has neither), and a group whose records differ is {@code mixed}.
   */
  static ProduceFormat format(List<EncodedRecord> records) {
    ProduceFormat format = null;
    for (EncodedRecord record : records) {
      DataReport data = record.value() != null ? record.value() : record.key();
      ProduceFormat own = data == null ? ProduceFormat.BINARY : ProduceFormat.valueOf(data.type().name());
      if (format != null && format != own) {
        return ProduceFormat.MIXED;
      }
      format = own;
    }
    return format == null ? ProduceFormat.BINARY : format;
  }

  private static List<RecordOutcome> outcomes(List<RecordReceipt> receipts, List<EncodedRecord> records) {
    List<RecordOutcome> out = new ArrayList<>(records.size());
    for (int i = 0; i < records.size(); i++) {
      out.add(outcome(receipts.get(i), records.get(i)));
    }
    return out;
  }

  private static RecordOutcome outcome(RecordReceipt receipt, EncodedRecord encoded) {
    if (!receipt.succeeded()) {
      return RecordOutcome.refused(receipt.errorCode(), receipt.error());
    }
    return new Written(receipt.partition(), receipt.offset(), receipt.timestamp(), encoded.key(), encoded.value());
  }
}
