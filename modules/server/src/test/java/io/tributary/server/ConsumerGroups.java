package io.tributary.server;

import io.tributary.testkit.TestKafka;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** A consumer group as Kafka sees it, for tests that must know a proxy's instance has polled without touching it. */
final class ConsumerGroups {
  private ConsumerGroups() {}

  /** Whether the group has a member now (an instance joins only from inside a poll). */
  static boolean hasMember(String group) {
    try {
      return !TestKafka.admin().describeConsumerGroups(List.of(group)).describedGroups().get(group)
          .get(10, TimeUnit.SECONDS).members().isEmpty();
    } catch (ExecutionException | TimeoutException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
