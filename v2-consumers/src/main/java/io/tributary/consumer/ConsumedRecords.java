package io.tributary.consumer;

import io.tributary.core.consumer.ConsumedRecord;
import io.tributary.core.produce.RecordHeader;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;

/** Converts Kafka's records into the engine's immutable {@link ConsumedRecord}. */
final class ConsumedRecords {
  private ConsumedRecords() {}

  static ConsumedRecord of(ConsumerRecord<byte[], byte[]> record) {
    Header[] raw = record.headers().toArray();
    // Most records have no headers: no list is made for them.
    List<RecordHeader> headers = raw.length == 0 ? List.of() : new ArrayList<>(raw.length);
    for (Header h : raw) {
      headers.add(new RecordHeader(h.key(), h.value()));
    }
    return new ConsumedRecord(record.topic(), record.partition(), record.offset(), record.key(), record.value(),
        record.timestamp(), headers);
  }

  static TopicPartition partitionOf(ConsumedRecord record) {
    return new TopicPartition(record.topic(), record.partition());
  }
}
