package io.tributary.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.core.error.ErrorCode;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.common.InvalidRecordException;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.FencedInstanceIdException;
import org.apache.kafka.common.errors.GroupIdNotFoundException;
import org.apache.kafka.common.errors.InvalidPartitionsException;
import org.apache.kafka.common.errors.InvalidReplicaAssignmentException;
import org.apache.kafka.common.errors.InvalidTimestampException;
import org.apache.kafka.common.errors.NotLeaderOrFollowerException;
import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.SecurityDisabledException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.junit.jupiter.api.Test;

class KafkaErrorsTest {
  @Test
  void theTableMapsKafkaExceptionsToTheReferenceCodes() {
    assertThat(KafkaErrors.codeFor(new SaslAuthenticationException("x"))).isEqualTo(ErrorCode.UNAUTHORIZED);
    assertThat(KafkaErrors.codeFor(new TopicAuthorizationException("x"))).isEqualTo(ErrorCode.FORBIDDEN);
    assertThat(KafkaErrors.codeFor(new UnknownTopicOrPartitionException("x"))).isEqualTo(ErrorCode.TOPIC_NOT_FOUND);
    assertThat(KafkaErrors.codeFor(new RecordTooLargeException("x"))).isEqualTo(ErrorCode.PAYLOAD_TOO_LARGE);
    assertThat(KafkaErrors.codeFor(new TopicExistsException("x"))).isEqualTo(ErrorCode.KAFKA_BAD_REQUEST);
    assertThat(KafkaErrors.codeFor(new NotLeaderOrFollowerException("x"))).isEqualTo(ErrorCode.KAFKA_RETRIABLE);
    assertThat(KafkaErrors.codeFor(new TimeoutException("x"))).isEqualTo(ErrorCode.KAFKA_RETRIABLE);
    assertThat(KafkaErrors.codeFor(new KafkaException("x"))).isEqualTo(ErrorCode.KAFKA_ERROR);
    assertThat(KafkaErrors.codeFor(new IllegalStateException("x"))).isEqualTo(ErrorCode.INTERNAL);
  }

  @Test
  void aFencedStaticMemberIsAConsumerThatMovedNeverA500() {
    assertThat(KafkaErrors.codeFor(new ExecutionException(new FencedInstanceIdException("x"))))
        .isEqualTo(ErrorCode.CONSUMER_NODE_LEFT);
    assertThat(KafkaErrors.translate(new FencedInstanceIdException("x")).errorCode().status()).isEqualTo(503);
  }

  @Test
  void adminFailuresOfTheV3ApiHaveTheirCodes() {
    assertThat(KafkaErrors.codeFor(new InvalidReplicaAssignmentException("x")))
        .isEqualTo(ErrorCode.KAFKA_BAD_REQUEST);
    assertThat(KafkaErrors.codeFor(new InvalidPartitionsException("x"))).isEqualTo(ErrorCode.KAFKA_BAD_REQUEST);
    assertThat(KafkaErrors.codeFor(new SecurityDisabledException("x"))).isEqualTo(ErrorCode.KAFKA_BAD_REQUEST);
    assertThat(KafkaErrors.codeFor(new GroupIdNotFoundException("x"))).isEqualTo(ErrorCode.NOT_FOUND);
  }

  @Test
  void recordsTheBrokerRefusesAreTheClientsMistake() {
    assertThat(KafkaErrors.codeFor(new InvalidRecordException("no key"))).isEqualTo(ErrorCode.KAFKA_BAD_REQUEST);
    assertThat(KafkaErrors.codeFor(new InvalidTimestampException("x"))).isEqualTo(ErrorCode.KAFKA_BAD_REQUEST);
    assertThat(KafkaErrors.codeFor(new RecordBatchTooLargeException("x"))).isEqualTo(ErrorCode.PAYLOAD_TOO_LARGE);
  }

  @Test
  void wrappersAreUnwrappedFirst() {
    var wrapped = new ExecutionException(new CompletionException(new TopicAuthorizationException("no")));
    assertThat(KafkaErrors.codeFor(wrapped)).isEqualTo(ErrorCode.FORBIDDEN);
    var translated = KafkaErrors.translate(wrapped);
    assertThat(translated.code()).isEqualTo(40301);
    assertThat(translated.status()).isEqualTo(403);
    assertThat(translated.getMessage()).isEqualTo("no");
  }
}
