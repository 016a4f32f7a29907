package io.tributary.admin;

import io.tributary.core.error.ErrorCode;
import io.tributary.core.error.TributaryException;

/**
 * The unknown-topic failure as kafka-rest answered it wherever it let the Admin client's
 * UnknownTopicOrPartitionException reach its exception mapper (every v3 topic-scoped endpoint but one, and v2's
 * {@code GET /topics/{t}}): 404 with code 40403 and Kafka's own message, instead of the engine's 40401
 * "Topic not found.". 40403 is also the number of "consumer instance not found": the original uses it for both, so
 * the registry entry of that number carries this message here.
 */
public final class KafkaUnknownTopic {
  /** Kafka's message for UnknownTopicOrPartitionException. */
  public static final String MESSAGE = "This server does not host this topic-partition.";

  private KafkaUnknownTopic() {}

  /** The 404 40403 failure. */
  public static TributaryException failure() {
    return ErrorCode.CONSUMER_INSTANCE_NOT_FOUND.toException(MESSAGE);
  }

  /** Whether the engine reported the topic as unknown (40401). */
  public static boolean isTopicNotFound(Throwable failure) {
    return failure instanceof TributaryException e && e.code() == ErrorCode.TOPIC_NOT_FOUND.code();
  }
}
