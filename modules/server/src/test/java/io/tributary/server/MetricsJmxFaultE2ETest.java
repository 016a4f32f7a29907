package io.tributary.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.testkit.Http;
import io.tributary.testkit.TestKafka;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** JMX registrations that fail cost only the JMX view: the proxy starts, serves and scrapes. */
class MetricsJmxFaultE2ETest {
  @Test
  void aJmxPrefixNoMBeanCanBeRegisteredUnderNeitherFailsStartUpNorRequests() {
    // Not a valid ObjectName domain: every MBean registration fails.
    try (TestServer server = TestServer.start(Map.of("metrics.jmx.prefix", "bad:domain*,="))) {
      Http http = server.http();
      String topic = TestKafka.createTopic(TestKafka.uniqueTopic("metrics-jmx-fault"), 1);
      Http.Reply produced = http.post("/topics/" + topic).contentType("application/vnd.kafka.binary.v2+json")
          .accept("application/vnd.kafka.v2+json").body("{\"records\":[{\"value\":\"aGk=\"}]}").send();
      assertThat(produced.status()).as("%s", produced).isEqualTo(200);

      Http.Reply metrics = http.get("/metrics").send();
      assertThat(metrics.status()).isEqualTo(200);
      assertThat(PrometheusScrape.parse(metrics.text()).sum("tributary_produce_records_total",
          Map.of("outcome", "produced"))).isEqualTo(1);
    }
  }
}
