package io.tributary.admin.v3;

import io.tributary.core.bus.BusFailures;
import io.tributary.core.error.ErrorCode;
import io.tributary.core.error.TributaryException;

/** How the v3 API words the failures the engine reports in the v1/v2 way. */
final class V3Errors {
  static final String UNKNOWN_TOPIC_OR_PARTITION = "This server does not host this topic-partition.";

  private V3Errors() {}

  /**
   * kafka-rest's v3 resources let Kafka's UnknownTopicOrPartitionException reach its exception mapper, which answers
   * 404 with code 40403 and Kafka's own message; the engine's 40401 "Topic not found." is the v1/v2 wording. 40403
   * is also the number of "consumer instance not found": the original uses it for both, so the registry entry of
   * that number carries this message here.
   */
  static TributaryException asV3(Throwable failure) {
    TributaryException e = BusFailures.asTributary(failure);
    if (e.code() == ErrorCode.TOPIC_NOT_FOUND.code()) {
      return unknownTopic();
    }
    return e;
  }

  static TributaryException unknownTopic() {
    return ErrorCode.CONSUMER_INSTANCE_NOT_FOUND.toException(UNKNOWN_TOPIC_OR_PARTITION);
  }

  static boolean isUnknownTopic(Throwable failure) {
    return failure instanceof TributaryException e && e.code() == ErrorCode.TOPIC_NOT_FOUND.code();
  }

  static TributaryException clusterNotFound(String clusterId) {
    return ErrorCode.NOT_FOUND.toException("Cluster " + clusterId + " cannot be found.");
  }

  static TributaryException partitionNotFound() {
    return ErrorCode.PARTITION_NOT_FOUND.toException();
  }
}
