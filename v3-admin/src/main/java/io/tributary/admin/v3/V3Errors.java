package io.tributary.admin.v3;

import io.tributary.admin.KafkaUnknownTopic;
import io.tributary.core.bus.BusFailures;
import io.tributary.core.error.ErrorCode;
import io.tributary.core.error.TributaryException;

/** How the v3 API words the failures the engine reports in the v1/v2 way. */
final class V3Errors {
  private V3Errors() {}

  /** kafka-rest's v3 resources answer an unknown topic as {@link KafkaUnknownTopic} (404 40403, Kafka's message). */
  static TributaryException asV3(Throwable failure) {
    TributaryException e = BusFailures.asTributary(failure);
    if (e.code() == ErrorCode.TOPIC_NOT_FOUND.code()) {
      return unknownTopic();
    }
    return e;
  }

  static TributaryException unknownTopic() {
    return KafkaUnknownTopic.failure();
  }

  static boolean isUnknownTopic(Throwable failure) {
    return KafkaUnknownTopic.isTopicNotFound(failure);
  }

  static TributaryException clusterNotFound(String clusterId) {
    return ErrorCode.NOT_FOUND.toException("Cluster " + clusterId + " cannot be found.");
  }

  static TributaryException partitionNotFound() {
    return ErrorCode.PARTITION_NOT_FOUND.toException();
  }
}
