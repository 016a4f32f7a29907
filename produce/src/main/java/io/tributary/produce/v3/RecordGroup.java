package io.tributary.produce.v3;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.ArrayList;
import java.util.List;

/** Prepared records collected to go to Kafka in one engine request; each gets a future of its own outcome. */
final class RecordGroup {
  private final List<EncodedRecord> records = new ArrayList<>();
  private final List<Promise<RecordOutcome>> outcomes = new ArrayList<>();

  Future<RecordOutcome> add(EncodedRecord record) {
    Promise<RecordOutcome> outcome = Promise.promise();
    records.add(record);
    outcomes.add(outcome);
    return outcome.future();
  }

  boolean isEmpty() {
    return records.isEmpty();
  }

  /** Sends the records; each future completes with its record's outcome. */
  void sendWith(V3RecordProducer producer, ProduceTarget target) {
    producer.send(target, records).onSuccess(results -> {
      for (int i = 0; i < outcomes.size(); i++) {
        outcomes.get(i).complete(results.get(i));
      }
    });
  }
}
