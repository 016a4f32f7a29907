package io.tributary.produce.eventstreams;

import io.tributary.core.error.ErrorCode;
import io.tributary.core.error.TributaryException;
import io.tributary.core.produce.RecordReceipt;

/**
 * Maps produce failures to the statuses Event Streams documents, with the Kafka protocol error code behind each
 * ({@code error.kafka_error_code}).
 *
 * <p>Two sources, two meanings. A failure of the whole request comes from the topic check before anything was
 * sent: a missing topic is 404, and Kafka not answering (timeouts, no broker, no engine) is 503. A failed receipt
 * comes from the producer itself: the idempotent producer retries every retriable error until
 * {@code delivery.timeout.ms} has passed, so a retriable receipt is a produce that timed out, 408.
 */
final class EventStreamsFailures {
  // Kafka protocol error codes (org.apache.kafka.common.protocol.Errors), for clients that switch on them.
  private static final int UNKNOWN_TOPIC_OR_PARTITION = 3;
  private static final int LEADER_NOT_AVAILABLE = 5;
  private static final int REQUEST_TIMED_OUT = 7;
  private static final int BROKER_NOT_AVAILABLE = 8;
  private static final int MESSAGE_TOO_LARGE = 10;
  private static final int TOPIC_AUTHORIZATION_FAILED = 29;

  /** The Event Streams failure and, when Kafka's, its protocol error code (else null). */
  record Mapped(TributaryException error, Integer kafkaErrorCode) {}

  private EventStreamsFailures() {}

  /** A failure of the whole request (before any record was sent). */
  static Mapped ofRequest(TributaryException e, String topic) {
    ErrorCode code = ErrorCode.byCode(e.code());
    return switch (code) {
      // 40403 is also kafka-rest's code for Kafka's UnknownTopicOrPartition.
      case TOPIC_NOT_FOUND, PARTITION_NOT_FOUND, CONSUMER_INSTANCE_NOT_FOUND -> new Mapped(
          ErrorCode.TOPIC_NOT_FOUND.toException("Topic " + topic + " does not exist."), UNKNOWN_TOPIC_OR_PARTITION);
      case LEADER_NOT_AVAILABLE -> unavailable(LEADER_NOT_AVAILABLE);
      case BROKER_NOT_AVAILABLE -> unavailable(BROKER_NOT_AVAILABLE);
      case KAFKA_RETRIABLE, SERVICE_UNAVAILABLE -> unavailable(null);
      case FORBIDDEN -> new Mapped(e, TOPIC_AUTHORIZATION_FAILED);
      default -> new Mapped(e, null);
    };
  }

  /** The failed receipt of the request's one record. */
  static Mapped ofReceipt(RecordReceipt receipt) {
    ErrorCode code = ErrorCode.byCode(receipt.errorCode());
    String detail = receipt.error() == null ? code.message() : receipt.error();
    return switch (code) {
      case KAFKA_RETRIABLE -> new Mapped(ErrorCode.REQUEST_TIMEOUT.toException(
          "Producing to Kafka timed out: " + detail), REQUEST_TIMED_OUT);
      case TOPIC_NOT_FOUND -> new Mapped(ErrorCode.TOPIC_NOT_FOUND.toException(detail), UNKNOWN_TOPIC_OR_PARTITION);
      case PAYLOAD_TOO_LARGE -> new Mapped(ErrorCode.BAD_REQUEST.toException(
          "Kafka refused the message as too large: " + detail), MESSAGE_TOO_LARGE);
      case FORBIDDEN -> new Mapped(code.toException(detail), TOPIC_AUTHORIZATION_FAILED);
      // The broker refused the record itself (no key for a compacted topic, a timestamp out of range).
      case KAFKA_BAD_REQUEST -> new Mapped(ErrorCode.BAD_REQUEST.toException("Kafka refused the record: " + detail),
          null);
      default -> new Mapped(new TributaryException(code, receipt.errorCode(), detail), null);
    };
  }

  private static Mapped unavailable(Integer kafkaErrorCode) {
    return new Mapped(ErrorCode.SERVICE_UNAVAILABLE.toException("Kafka is not available; try again later."),
        kafkaErrorCode);
  }
}
