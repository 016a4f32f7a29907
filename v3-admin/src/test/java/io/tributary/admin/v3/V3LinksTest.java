package io.tributary.admin.v3;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class V3LinksTest {
  private final V3Links links = new V3Links("http://proxy:8082/kafka/v3", "C1", "");

  @Test
  void urlsAreAbsoluteBelowTheClusterWithEncodedSegments() {
    assertThat(links.url()).isEqualTo("http://proxy:8082/kafka/v3/clusters/C1");
    assertThat(links.url("topics", "t.1", "partitions", 3)).isEqualTo(
        "http://proxy:8082/kafka/v3/clusters/C1/topics/t.1/partitions/3");
    assertThat(links.url("consumer-groups", "my group/x")).isEqualTo(
        "http://proxy:8082/kafka/v3/clusters/C1/consumer-groups/my%20group%2Fx");
    assertThat(links.clustersUrl()).isEqualTo("http://proxy:8082/kafka/v3/clusters");
  }

  @Test
  void queryValuesAreEncodedAndNullIsEmpty() {
    Map<String, String> query = new LinkedHashMap<>();
    query.put("principal", "User:alice");
    query.put("resource_name", null);
    assertThat(links.urlWithQuery(query, "acls")).isEqualTo(
        "http://proxy:8082/kafka/v3/clusters/C1/acls?principal=User%3Aalice&resource_name=");
  }

  @Test
  void crnsUseTheAuthorityAndPairsAndAnOptionalLastSegment() {
    assertThat(links.crn()).isEqualTo("crn:///kafka=C1");
    assertThat(links.crn("topic", "t", "partition", 0)).isEqualTo("crn:///kafka=C1/topic=t/partition=0");
    assertThat(links.crn("consumer-group", "g", "lag-summary")).isEqualTo(
        "crn:///kafka=C1/consumer-group=g/lag-summary");
    assertThat(new V3Links("http://h/v3", "C1", "confluent.cloud").crn("broker", 1))
        .isEqualTo("crn://confluent.cloud/kafka=C1/broker=1");
  }
}
