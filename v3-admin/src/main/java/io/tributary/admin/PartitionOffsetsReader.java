package io.tributary.admin;

import io.tributary.core.error.ErrorCode;
import io.tributary.core.metadata.PartitionOffsets;
import io.tributary.kafka.KafkaFutures;
import io.vertx.core.Context;
import io.vertx.core.Future;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;

/** A partition's earliest and latest offsets; 40401 for a missing topic, 40402 for a missing partition. */
final class PartitionOffsetsReader {
  private final Admin admin;
  private final Context context;
  private final TopicDescriber describer;

  PartitionOffsetsReader(Admin admin, Context context, TopicDescriber describer) {
    this.admin = admin;
    this.context = context;
    this.describer = describer;
  }

  Future<PartitionOffsets> offsets(String topic, int partition) {
    // Describing first turns "no such topic" and "no such partition" into their own codes; listOffsets alone
    // reports both as UnknownTopicOrPartitionException.
    return describer.describe(topic, false).compose(description -> {
      if (description.partition(partition).isEmpty()) {
        return Future.failedFuture(ErrorCode.PARTITION_NOT_FOUND.toException());
      }
      TopicPartition tp = new TopicPartition(topic, partition);
      Future<Long> beginning = offset(tp, OffsetSpec.earliest());
      Future<Long> end = offset(tp, OffsetSpec.latest());
      return Future.all(beginning, end)
          .map(both -> new PartitionOffsets(topic, partition, beginning.result(), end.result()));
    });
  }

  private Future<Long> offset(TopicPartition tp, OffsetSpec spec) {
    return KafkaFutures.toFuture(admin.listOffsets(Map.of(tp, spec)).partitionResult(tp), context)
        .map(ListOffsetsResultInfo::offset);
  }
}
