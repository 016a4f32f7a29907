package io.tributary.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class BenchOptionsTest {

  @Test
  void defaultsRunEveryScenarioOnAnEmbeddedBrokerAndProxy() {
    BenchOptions o = BenchOptions.parse(new String[0]);

    assertThat(o.scenarios()).containsExactly("native", "v1-binary-1", "v1-binary-100", "v2-binary-1",
        "v2-binary-100", "v2-binary-1-c64", "v2-avro-100", "v3-stream", "v2-consume", "v2-footprint",
        "v2-consume-forwarded");
    assertThat(o.consumeRecords()).isEqualTo(10_000_000);
    assertThat(o.consumerInstances()).isEqualTo(1000);
    assertThat(o.connections()).isEqualTo(8);
    assertThat(o.valueBytes()).isEqualTo(100);
    assertThat(o.nativeWindow()).isEqualTo(5000);
    assertThat(o.bootstrap()).isNull();
    assertThat(o.url()).isNull();
    assertThat(o.footprintNodes()).isEqualTo(1);
    assertThat(o.nodesInOwnJvms()).isTrue();
  }

  @Test
  void parsesEveryOption() {
    BenchOptions o = BenchOptions.parse(new String[] {"--records", "10_000", "--duration-seconds", "5",
        "--warmup", "0", "--warmup-seconds", "1", "--connections", "4", "--client-threads", "2",
        "--partitions", "3", "--value-bytes", "10", "--native-window", "0", "--scenarios", "v1-binary-100,native",
        "--bootstrap", "localhost:9092", "--url", "http://localhost:8082", "--consume-records", "500",
        "--consume-seconds", "7", "--consume-repetitions", "3", "--consumer-instances", "30", "--footprint-seconds", "4", "--chart", "out/r.svg",
        "--footprint-nodes", "3", "--cluster-jvm", "shared"});

    assertThat(o).isEqualTo(new BenchOptions(10_000, Duration.ofSeconds(5), 0, Duration.ofSeconds(1), 4, 2, 3, 10, 0,
        List.of("v1-binary-100", "native"), "localhost:9092", URI.create("http://localhost:8082"), 500,
        Duration.ofSeconds(7), 3, 30, Duration.ofSeconds(4), Path.of("out/r.svg"), 3, false));
  }

  @Test
  void acceptsTheOlderNameOfClusterJvm() {
    assertThat(BenchOptions.parse(new String[] {"--footprint-jvm", "own"}).nodesInOwnJvms()).isTrue();
    assertThat(BenchOptions.parse(new String[] {"--footprint-jvm", "shared"}).nodesInOwnJvms()).isFalse();
    assertThatThrownBy(() -> BenchOptions.parse(new String[] {"--cluster-jvm", "both"}))
        .hasMessageContaining("--cluster-jvm is shared or own");
  }

  @Test
  void rejectsUnknownScenariosOptionsAndBadNumbers() {
    assertThatThrownBy(() -> BenchOptions.parse(new String[] {"--scenarios", "v9"}))
        .hasMessageContaining("Unknown scenario 'v9'");
    assertThatThrownBy(() -> BenchOptions.parse(new String[] {"--bogus", "1"})).hasMessageContaining("--bogus");
    assertThatThrownBy(() -> BenchOptions.parse(new String[] {"--records"})).hasMessageContaining("--records");
    assertThatThrownBy(() -> BenchOptions.parse(new String[] {"--connections", "0"}))
        .hasMessageContaining("--connections must be positive");
    assertThatThrownBy(() -> BenchOptions.parse(new String[] {"--records", "many"}))
        .hasMessageContaining("--records needs a number");
  }

  @Test
  void aRunningProxyNeedsItsCluster() {
    assertThatThrownBy(() -> BenchOptions.parse(new String[] {"--url", "http://localhost:8082"}))
        .hasMessageContaining("--bootstrap");
  }
}
