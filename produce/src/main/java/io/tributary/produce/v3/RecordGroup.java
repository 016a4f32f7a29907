package io.tributary.produce.v3;

import io.tributary.core.bus.BusFailures;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.ArrayList;
import java.util.List;

/**
 * Records collected to go to Kafka in one engine request; each gets a future of its own outcome. A record may still
 * be converting (schema formats): the group goes out once every conversion has finished, without the records whose
 * conversion failed, which get their refusal as their outcome.
 */
final class RecordGroup {
  private final List<Future<EncodedRecord>> records = new ArrayList<>();
  private final List<Promise<RecordOutcome>> outcomes = new ArrayList<>();

  Future<RecordOutcome> add(Future<EncodedRecord> record) {
    Promise<RecordOutcome> outcome = Promise.promise();
    records.add(record);
    outcomes.add(outcome);
    return outcome.future();
  }

  boolean isEmpty() {
    return records.isEmpty();
  }

  /**
   * Sends the converted records once they are all converted and {@code previous} has completed; each outcome future
   * completes with its record's outcome.
   *
   * @param previous when the group before this one was handed to the engine: groups reach the engine in the order
   *     they were formed, so records reach each partition in input order even when some took longer to convert
   * @return when this group was handed to the engine (or had nothing to send); never fails
   */
  Future<Void> sendWith(V3RecordProducer producer, ProduceTarget target, Future<?> previous) {
    return Future.join(records).transform(converted -> previous.transform(ready -> {
      List<EncodedRecord> sendable = new ArrayList<>(records.size());
      List<Promise<RecordOutcome>> waiting = new ArrayList<>(records.size());
      for (int i = 0; i < records.size(); i++) {
        Future<EncodedRecord> record = records.get(i);
        if (record.succeeded()) {
          sendable.add(record.result());
          waiting.add(outcomes.get(i));
        } else {
          outcomes.get(i).complete(RecordOutcome.refused(BusFailures.asTributary(record.cause())));
        }
      }
      if (!sendable.isEmpty()) {
        producer.send(target, sendable).onSuccess(results -> {
          for (int i = 0; i < waiting.size(); i++) {
            waiting.get(i).complete(results.get(i));
          }
        });
      }
      return Future.succeededFuture();
    }));
  }
}
