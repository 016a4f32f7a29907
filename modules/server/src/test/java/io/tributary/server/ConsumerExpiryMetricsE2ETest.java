package io.tributary.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.testkit.Eventually;
import io.tributary.testkit.Http;
import io.tributary.testkit.TestKafka;
import io.tributary.testkit.V2ConsumerClient;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A consumer instance left idle past {@code consumer.instance.timeout.ms} is expired by the housekeeping, and the
 * metrics say so: the {@code expired} event counts it and the instances gauge drops. Its own server, because the
 * short timeout would expire the instances of other tests.
 */
class ConsumerExpiryMetricsE2ETest {
  private static final String EXPIRED = "tributary_consumer_instance_events_total";

  private static TestServer server;
  private static Http http;

  @BeforeAll
  static void start() {
    server = TestServer.start(Map.of("consumer.instance.timeout.ms", "1000"));
    http = server.http();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void anIdleInstanceThatExpiresIsCountedAsExpired() {
    double expiredBefore = MetricsE2ETest.scrape(http).sum(EXPIRED, Map.of("event", "expired"));
    V2ConsumerClient consumers = new V2ConsumerClient(http);
    String group = TestKafka.uniqueTopic("expiry-group");
    String name = consumers.create(group, V2ConsumerClient.quick("binary"));

    double expired = Eventually.get(() -> MetricsE2ETest.scrape(http).sum(EXPIRED, Map.of("event", "expired")),
        count -> count > expiredBefore);

    assertThat(expired - expiredBefore).isEqualTo(1);
    PrometheusScrape scrape = MetricsE2ETest.scrape(http);
    assertThat(scrape.sum("tributary_consumer_instances", Map.of())).isZero();
    assertThat(scrape.sum(EXPIRED, Map.of("event", "deleted"))).isZero();
    // The instance is gone for its client too.
    Http.Reply read = consumers.get(V2ConsumerClient.instance(group, name) + "/records")
        .accept("application/vnd.kafka.binary.v2+json").send();
    assertThat(read.status()).as("%s", read).isEqualTo(404);
  }
}
