package io.tributary.server;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** How Vert.x's joined route names become the generation and route labels. */
class HttpMeterLabelsTest {
  @Test
  void aNamedRouteGivesItsGenerationAndTemplate() {
    assertThat(HttpMeterLabels.split("v2 /topics/:topic")).containsExactly("v2", "/topics/:topic");
  }

  @Test
  void theLastOfSeveralRoutesAnsweredTheRequest() {
    assertThat(HttpMeterLabels.split("v1 /topics/:topic>v2 /topics/:topic")).containsExactly("v2", "/topics/:topic");
  }

  @Test
  void regularExpressionRoutesBecomeTemplates() {
    String regex = "v3 /\\Qv3\\E/\\Qclusters\\E/(?<cluster_id>[^/]+)/\\Qtopics\\E/(?<topic_name>[^/]+)/\\Qrecords:batch\\E";
    assertThat(HttpMeterLabels.split(regex))
        .containsExactly("v3", "/v3/clusters/:cluster_id/topics/:topic_name/records:batch");
  }

  @Test
  void noRouteIsOneLabelValueAndBareTemplatesAreTheRegistrys() {
    assertThat(HttpMeterLabels.split("")).containsExactly(HttpMeterLabels.NONE, HttpMeterLabels.UNMATCHED);
    assertThat(HttpMeterLabels.split("/subjects/:subject/versions"))
        .containsExactly(HttpMeterLabels.REGISTRY, "/subjects/:subject/versions");
  }
}
