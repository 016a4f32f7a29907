package io.tributary.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.core.config.TributaryConfig;
import io.tributary.core.consumer.CreateConsumer;
import io.tributary.core.format.EmbeddedFormat;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConsumerPropsTest {
  private static final CreateConsumer REQUEST =
      new CreateConsumer("g", null, null, EmbeddedFormat.BINARY, null, true, null, null, "alice");

  @Test
  void instancesPushNoClientTelemetryUnlessTheOperatorAsks() {
    Map<String, Object> byDefault = ConsumerProps.forInstance(
        new TributaryConfig(Map.of("bootstrap.servers", "localhost:9092")), REQUEST);
    Map<String, Object> asked = ConsumerProps.forInstance(new TributaryConfig(
        Map.of("bootstrap.servers", "localhost:9092", "consumer.enable.metrics.push", "true")), REQUEST);

    assertThat(byDefault).containsEntry("enable.metrics.push", "false");
    assertThat(asked).containsEntry("enable.metrics.push", "true");
  }

  @Test
  void onlyClusterModeMakesAnInstanceAStaticGroupMember() {
    TributaryConfig config = new TributaryConfig(Map.of("bootstrap.servers", "localhost:9092"));

    assertThat(ConsumerProps.forInstance(config, REQUEST)).doesNotContainKey("group.instance.id");
    assertThat(ConsumerProps.forInstance(config, REQUEST, "tributary-c1-0a1b"))
        .containsEntry("group.instance.id", "tributary-c1-0a1b").containsEntry("group.id", "g");
  }
}
