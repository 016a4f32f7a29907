package io.tributary.kafka;

import io.tributary.core.error.ErrorCode;
import io.tributary.core.error.TributaryException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.common.InvalidRecordException;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.BrokerNotAvailableException;
import org.apache.kafka.common.errors.FencedInstanceIdException;
import org.apache.kafka.common.errors.GroupIdNotFoundException;
import org.apache.kafka.common.errors.InvalidConfigurationException;
import org.apache.kafka.common.errors.InvalidPartitionsException;
import org.apache.kafka.common.errors.InvalidReplicaAssignmentException;
import org.apache.kafka.common.errors.InvalidReplicationFactorException;
import org.apache.kafka.common.errors.InvalidRequestException;
import org.apache.kafka.common.errors.InvalidTimestampException;
import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.errors.LeaderNotAvailableException;
import org.apache.kafka.common.errors.PolicyViolationException;
import org.apache.kafka.common.errors.RebalanceInProgressException;
import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.SecurityDisabledException;
import org.apache.kafka.common.errors.ThrottlingQuotaExceededException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.TopicDeletionDisabledException;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.common.errors.UnsupportedVersionException;

/**
 * The one table from Kafka exceptions to Tributary error codes (after kafka-rest's mappers, §5.2 of the reference).
 * Wrappers ({@link ExecutionException}, {@link CompletionException}) are unwrapped first.
 */
public final class KafkaErrors {
  private KafkaErrors() {}

  public static TributaryException translate(Throwable error) {
    Throwable e = unwrap(error);
    if (e instanceof TributaryException te) {
      return te;
    }
    String detail = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    return new TributaryException(codeFor(e), detail);
  }

  /** The code for an exception, without a message: what per-record produce receipts carry. */
  public static ErrorCode codeFor(Throwable error) {
    Throwable e = unwrap(error);
    if (e instanceof TributaryException te) {
      return te.errorCode();
    }
    if (e instanceof AuthenticationException) {
      return ErrorCode.UNAUTHORIZED;
    }
    if (e instanceof AuthorizationException) {
      return ErrorCode.FORBIDDEN;
    }
    if (e instanceof UnknownTopicOrPartitionException) {
      return ErrorCode.TOPIC_NOT_FOUND;
    }
    if (e instanceof LeaderNotAvailableException) {
      return ErrorCode.LEADER_NOT_AVAILABLE;
    }
    if (e instanceof RecordTooLargeException || e instanceof RecordBatchTooLargeException) {
      return ErrorCode.PAYLOAD_TOO_LARGE;
    }
    // The broker refused a record it was given (a record without a key for a compacted topic, a timestamp outside
    // the topic's allowed range): the client's mistake, never a 500.
    if (e instanceof InvalidRecordException || e instanceof InvalidTimestampException) {
      return ErrorCode.KAFKA_BAD_REQUEST;
    }
    if (e instanceof ThrottlingQuotaExceededException) {
      return ErrorCode.KAFKA_THROTTLED;
    }
    // Cluster mode: a newer copy of a consumer instance, on another node, took over its static group membership.
    if (e instanceof FencedInstanceIdException) {
      return ErrorCode.CONSUMER_NODE_LEFT;
    }
    if (e instanceof BrokerNotAvailableException) {
      return ErrorCode.BROKER_NOT_AVAILABLE;
    }
    // v3 administration: a replica assignment Kafka refuses, a consumer group it does not know.
    if (e instanceof InvalidReplicaAssignmentException) {
      return ErrorCode.KAFKA_BAD_REQUEST;
    }
    if (e instanceof GroupIdNotFoundException) {
      return ErrorCode.NOT_FOUND;
    }
    if (e instanceof UnsupportedVersionException) {
      return ErrorCode.KAFKA_BAD_REQUEST;
    }
    if (e instanceof TopicExistsException || e instanceof InvalidReplicationFactorException
        || e instanceof InvalidPartitionsException || e instanceof InvalidRequestException
        || e instanceof PolicyViolationException || e instanceof InvalidConfigurationException
        || e instanceof TopicDeletionDisabledException || e instanceof SecurityDisabledException
        || e instanceof InvalidTopicException) {
      return ErrorCode.KAFKA_BAD_REQUEST;
    }
    // Not a RetriableException in Kafka's hierarchy, but it is one: a commit made while the group rebalances may
    // simply be made again once the rebalance is over.
    if (e instanceof RetriableException || e instanceof TimeoutException
        || e instanceof RebalanceInProgressException) {
      return ErrorCode.KAFKA_RETRIABLE;
    }
    if (e instanceof KafkaException) {
      return ErrorCode.KAFKA_ERROR;
    }
    return ErrorCode.INTERNAL;
  }

  public static Throwable unwrap(Throwable error) {
    Throwable e = error;
    while ((e instanceof ExecutionException || e instanceof CompletionException) && e.getCause() != null) {
      e = e.getCause();
    }
    return e;
  }
}
