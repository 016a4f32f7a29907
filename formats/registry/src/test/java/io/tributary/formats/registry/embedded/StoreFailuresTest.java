package io.tributary.formats.registry.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.ExecutionException;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.ConcurrentTransactionsException;
import org.apache.kafka.common.errors.InvalidTxnStateException;
import org.apache.kafka.common.errors.NotEnoughReplicasException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.errors.TransactionalIdAuthorizationException;
import org.apache.kafka.common.errors.UnknownServerException;
import org.junit.jupiter.api.Test;

class StoreFailuresTest {
  @Test
  void failuresWhoseOutcomeMayDifferNextTimeAreRetried() {
    assertThat(StoreFailures.retriable(new KafkaException("Unhandled error in EndTxnResponse: …"))).isTrue();
    assertThat(StoreFailures.retriable(new UnknownServerException("boom"))).isTrue();
    assertThat(StoreFailures.retriable(new ProducerFencedException("fenced"))).isTrue();
    assertThat(StoreFailures.retriable(new ConcurrentTransactionsException("busy"))).isTrue();
    assertThat(StoreFailures.retriable(new InvalidTxnStateException("state"))).isTrue();
    assertThat(StoreFailures.retriable(new TimeoutException("slow"))).isTrue();
    assertThat(StoreFailures.retriable(new NotEnoughReplicasException("isr"))).isTrue();
    assertThat(StoreFailures.retriable(new IllegalStateException("producer state"))).isTrue();
  }

  @Test
  void refusalsThatTheSameRequestWouldMeetAgainAreNot() {
    assertThat(StoreFailures.retriable(new TransactionalIdAuthorizationException("no"))).isFalse();
    assertThat(StoreFailures.retriable(new TopicAuthorizationException("no"))).isFalse();
    assertThat(StoreFailures.retriable(new RecordTooLargeException("big"))).isFalse();
    assertThat(StoreFailures.retriable(new ExecutionException(new TopicAuthorizationException("no")))).isFalse();
  }

  @Test
  void reasonsAreShortAndNeverKafkasOwnMessage() {
    assertThat(StoreFailures.reason(new KafkaException(
        "Unhandled error in EndTxnResponse: The server experienced an unexpected error when processing the request.")))
        .isEqualTo("unexpected Kafka error");
    assertThat(StoreFailures.reason(new UnknownServerException("internal detail"))).isEqualTo("unexpected Kafka error");
    assertThat(StoreFailures.reason(new TimeoutException("Timed out waiting for a node assignment. Call: listNodes")))
        .isEqualTo("Kafka did not answer in time");
    assertThat(StoreFailures.reason(new ExecutionException(new java.util.concurrent.TimeoutException())))
        .isEqualTo("Kafka did not answer in time");
    assertThat(StoreFailures.reason(new NotEnoughReplicasException("Number of insync replicas … is [1]")))
        .isEqualTo("Kafka error NOT_ENOUGH_REPLICAS");
    assertThat(StoreFailures.reason(new TransactionalIdAuthorizationException("internal detail")))
        .isEqualTo("the proxy is not authorized in Kafka (TransactionalIdAuthorizationException)");
  }
}
