package io.tributary.admin.v3;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class V3RouterTest {
  @Test
  void onlyWholeSegmentsStartingWithAColonAreParameters() {
    Pattern alter = Pattern.compile(V3Router.regex("/v3/clusters/:cluster/topics/:topic/configs:alter"));

    Matcher m = alter.matcher("/v3/clusters/C1/topics/t1/configs:alter");
    assertThat(m.matches()).isTrue();
    assertThat(m.group("cluster")).isEqualTo("C1");
    assertThat(m.group("topic")).isEqualTo("t1");
    assertThat(alter.matcher("/v3/clusters/C1/topics/t1/configsXalter").matches()).isFalse();
    assertThat(alter.matcher("/v3/clusters/C1/topics/t1/configs").matches()).isFalse();
  }

  @Test
  void literalPartsAreQuoted() {
    Pattern dash = Pattern.compile(V3Router.regex("/kafka/v3/clusters/:cluster/topics/-/partitions/-/reassignment"));

    assertThat(dash.matcher("/kafka/v3/clusters/C/topics/-/partitions/-/reassignment").matches()).isTrue();
    assertThat(dash.matcher("/kafka/v3/clusters/C/topics/t/partitions/-/reassignment").matches()).isFalse();
    assertThat(Pattern.compile(V3Router.regex("/v3/clusters")).matcher("/v3Xclusters").matches()).isFalse();
  }
}
