package io.tributary.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.tributary.core.consumer.ConsumerRef;
import org.junit.jupiter.api.Test;

class InstanceClientMetricsTest {
  @Test
  void aClosedInstanceIsNoLongerHeldWithoutWaitingForAScrape() {
    InstanceClientMetrics metrics = new InstanceClientMetrics(new SimpleMeterRegistry());
    ConfinedConsumer consumer = metrics.track(
        new ConfinedConsumer(new ConsumerRef("g", "i", "anonymous"), new ListeningMockConsumer(), false, 0));
    assertThat(metrics.tracked()).isEqualTo(1);

    consumer.close();

    assertThat(metrics.tracked()).isZero();
  }
}
