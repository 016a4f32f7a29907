package io.tributary.formats.registry.embedded;

import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.ApiException;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.InvalidProducerEpochException;
import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.UnsupportedVersionException;
import org.apache.kafka.common.protocol.Errors;

/**
 * How the schema store judges a Kafka failure: whether trying again can help, and a short reason that may be shown
 * to a registry client. The full exception goes to the log only; clients never see Kafka's own messages.
 */
final class StoreFailures {
  private StoreFailures() {}

  /**
   * False for refusals that the same request would meet again (missing permissions, a record over the topic's size
   * limit, a broker without transactions); true for everything else, including failures whose outcome is unknown,
   * since the store re-reads the topic before it decides again.
   */
  static boolean retriable(Throwable error) {
    Throwable e = unwrap(error);
    return !(e instanceof AuthorizationException || e instanceof AuthenticationException
        || e instanceof RecordTooLargeException || e instanceof InvalidTopicException
        || e instanceof UnsupportedVersionException);
  }

  static boolean isTimeout(Throwable error) {
    Throwable e = unwrap(error);
    return e instanceof TimeoutException || e instanceof java.util.concurrent.TimeoutException;
  }

  /** A few words on what went wrong, without Kafka's message. */
  static String reason(Throwable error) {
    Throwable e = unwrap(error);
    if (isTimeout(e)) {
      return "Kafka did not answer in time";
    }
    if (e instanceof ProducerFencedException || e instanceof InvalidProducerEpochException) {
      return "another instance wrote at the same time";
    }
    if (e instanceof AuthorizationException) {
      return "the proxy is not authorized in Kafka (" + e.getClass().getSimpleName() + ")";
    }
    if (e instanceof AuthenticationException) {
      return "Kafka refused the proxy's credentials";
    }
    if (e instanceof RecordTooLargeException) {
      return "the record is larger than the topic accepts";
    }
    if (e instanceof ApiException api && Errors.forException(api) != Errors.UNKNOWN_SERVER_ERROR) {
      return "Kafka error " + Errors.forException(api).name();
    }
    return e instanceof KafkaException ? "unexpected Kafka error" : "unexpected " + e.getClass().getSimpleName();
  }

  private static Throwable unwrap(Throwable error) {
    Throwable e = error;
    while ((e instanceof ExecutionException || e instanceof CompletionException) && e.getCause() != null) {
      e = e.getCause();
    }
    return e;
  }
}
