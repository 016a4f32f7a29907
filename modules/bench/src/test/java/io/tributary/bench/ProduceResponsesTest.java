package io.tributary.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.buffer.Buffer;
import org.junit.jupiter.api.Test;

class ProduceResponsesTest {
  private static final String TWO_OK = "{\"offsets\":[{\"partition\":0,\"offset\":7,\"error_code\":null,"
      + "\"error\":null},{\"partition\":0,\"offset\":8}],\"key_schema_id\":null,\"value_schema_id\":3}";

  @Test
  void countsTheRecordsOfAnAnswerWhereEveryRecordHasAnOffset() {
    assertThat(ProduceResponses.acceptedRecords(200, Buffer.buffer(TWO_OK), 2)).isEqualTo(2);
  }

  @Test
  void anotherStatusIsAFailure() {
    assertThatThrownBy(() -> ProduceResponses.acceptedRecords(500, Buffer.buffer(TWO_OK), 2))
        .isInstanceOf(BenchFailure.class).hasMessageContaining("HTTP 500");
  }

  @Test
  void offsetsForAnotherNumberOfRecordsAreAFailure() {
    assertThatThrownBy(() -> ProduceResponses.acceptedRecords(200, Buffer.buffer(TWO_OK), 3))
        .isInstanceOf(BenchFailure.class).hasMessageContaining("offsets for 2 of 3 records");
    assertThatThrownBy(() -> ProduceResponses.acceptedRecords(200, Buffer.buffer("{\"value_schema_id\":1}"), 1))
        .isInstanceOf(BenchFailure.class).hasMessageContaining("offsets for no of 1 records");
  }

  @Test
  void aRecordWithAnErrorCodeOrWithoutOffsetIsAFailure() {
    String failed = "{\"offsets\":[{\"partition\":0,\"offset\":1},{\"partition\":null,\"offset\":null,"
        + "\"error_code\":50301,\"error\":\"x\"}]}";
    assertThatThrownBy(() -> ProduceResponses.acceptedRecords(200, Buffer.buffer(failed), 2))
        .isInstanceOf(BenchFailure.class).hasMessageContaining("a failed record at index 1");
    assertThatThrownBy(() -> ProduceResponses.acceptedRecords(200,
        Buffer.buffer("{\"offsets\":[{\"partition\":0,\"error_code\":null}]}"), 1))
        .isInstanceOf(BenchFailure.class).hasMessageContaining("a failed record at index 0");
  }

  @Test
  void anythingButAProduceResponseIsAFailure() {
    for (String body : new String[] {"[]", "{\"offsets\":5}", "{\"offsets\":[1]}", "{} {}", "{", "nonsense"}) {
      assertThatThrownBy(() -> ProduceResponses.acceptedRecords(200, Buffer.buffer(body), 1))
          .as(body).isInstanceOf(BenchFailure.class).hasMessageContaining("not a produce response");
    }
  }
}
