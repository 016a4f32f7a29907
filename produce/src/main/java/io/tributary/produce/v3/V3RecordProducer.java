package io.tributary.produce.v3;

import io.tributary.core.bus.Addresses;
import io.tributary.core.error.ErrorCode;
import io.tributary.core.error.TributaryException;
import io.tributary.core.produce.OutgoingRecord;
import io.tributary.core.produce.ProduceRequest;
import io.tributary.core.produce.ProduceResult;
import io.tributary.core.produce.RecordReceipt;
import io.tributary.http.Bus;
import io.tributary.produce.v3.RecordOutcome.DataReport;
import io.tributary.produce.v3.RecordOutcome.Written;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * The life of one v3 record, shared by streaming produce and {@code records:batch}: read it, apply the rate limit,
 * check the partition, convert key and value, and send it to the produce engine as a one-record request. Every
 * failure becomes a {@link RecordOutcome.Refused}; the returned future never fails.
 *
 * <p>Each record is its own engine request so that its receipt can go out as soon as Kafka acknowledges it. The
 * engine sends requests in the order it receives them, so records of one stream reach each partition in input
 * order. Unknown topics are created when the cluster would create them (as kafka-rest's producer caused), and
 * otherwise each record is refused with 40401 at once.
 */
final class V3RecordProducer {
  private final Bus bus;
  private final ProduceRateLimits rateLimits;

  /** @param rateLimits null when rate limiting is off */
  V3RecordProducer(Bus bus, ProduceRateLimits rateLimits) {
    this.bus = bus;
    this.rateLimits = rateLimits;
  }

  /**
   * Produces one record.
   *
   * @param sizeBytes the size of the record's JSON, which the byte rate limit counts
   */
  Future<RecordOutcome> produce(JsonObject json, long sizeBytes, ProduceTarget target) {
    EncodedRecord encoded;
    try {
      V3RecordRequest request = V3RecordParser.parse(json);
      if (rateLimits != null && !rateLimits.tryAcquire(target.pathClusterId(), sizeBytes)) {
        return Future.succeededFuture(new RecordOutcome.Refused(ErrorCode.TOO_MANY_REQUESTS.code(),
            V3Messages.RATE_LIMITED));
      }
      if (request.partition() != null && request.partition() < 0) {
        throw ErrorCode.PARTITION_NOT_FOUND.toException();
      }
      encoded = V3RecordEncoder.encode(request);
    } catch (TributaryException e) {
      return Future.succeededFuture(RecordOutcome.refused(e));
    }
    OutgoingRecord record = encoded.record();
    return bus.<ProduceResult>request(Addresses.PRODUCE_SEND, new ProduceRequest(target.topic(), List.of(record),
            true))
        .map(result -> outcome(result.receipts().get(0), encoded))
        .otherwise(error -> error instanceof TributaryException te
            ? RecordOutcome.refused(te)
            : RecordOutcome.refused(ErrorCode.INTERNAL.toException()));
  }

  private static RecordOutcome outcome(RecordReceipt receipt, EncodedRecord encoded) {
    if (!receipt.succeeded()) {
      return RecordOutcome.refused(receipt.errorCode(), receipt.error());
    }
    OutgoingRecord record = encoded.record();
    return new Written(receipt.partition(), receipt.offset(), receipt.timestamp(),
        DataReport.of(encoded.keyType(), record.key()), DataReport.of(encoded.valueType(), record.value()));
  }
}
