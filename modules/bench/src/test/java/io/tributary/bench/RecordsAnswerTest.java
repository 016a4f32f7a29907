package io.tributary.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.buffer.Buffer;
import org.junit.jupiter.api.Test;

class RecordsAnswerTest {

  @Test
  void entersEveryRecordOfARead() {
    OffsetLedger ledger = new OffsetLedger();
    Buffer body = Buffer.buffer("[{\"topic\":\"t\",\"key\":null,\"value\":\"aGk=\",\"partition\":0,\"offset\":0},"
        + "{\"topic\":\"t\",\"key\":\"aw==\",\"value\":\"aGk=\",\"partition\":1,\"offset\":0},"
        + "{\"offset\":1,\"partition\":0,\"value\":\"\",\"headers\":[{\"a\":{\"b\":[1]}}]}]");

    assertThat(RecordsAnswer.enter(body, ledger, "c")).isEqualTo(3);
    assertThat(ledger.count()).isEqualTo(3);
    assertThatThrownBy(() -> ledger.add(0, 1)).hasMessageContaining("twice");
  }

  @Test
  void anEmptyReadHasNoRecords() {
    assertThat(RecordsAnswer.enter(Buffer.buffer("[]"), new OffsetLedger(), "c")).isZero();
  }

  @Test
  void aRecordWithoutAValueIsAFailure() {
    assertThatThrownBy(() -> RecordsAnswer.enter(
        Buffer.buffer("[{\"value\":null,\"partition\":0,\"offset\":0}]"), new OffsetLedger(), "c"))
        .isInstanceOf(BenchFailure.class).hasMessageContaining("without a value");
    assertThatThrownBy(() -> RecordsAnswer.enter(
        Buffer.buffer("[{\"partition\":0,\"offset\":0}]"), new OffsetLedger(), "c"))
        .isInstanceOf(BenchFailure.class).hasMessageContaining("without a value");
  }

  @Test
  void aRecordWithoutAnOffsetIsAFailure() {
    assertThatThrownBy(() -> RecordsAnswer.enter(
        Buffer.buffer("[{\"value\":\"aGk=\",\"partition\":0}]"), new OffsetLedger(), "c"))
        .isInstanceOf(BenchFailure.class).hasMessageContaining("without a partition or offset");
  }

  @Test
  void anythingButOneJsonArrayIsAFailure() {
    for (String body : new String[] {"{}", "[", "[1]", "[] []", "nonsense", ""}) {
      assertThatThrownBy(() -> RecordsAnswer.enter(Buffer.buffer(body), new OffsetLedger(), "c"))
          .as(body).isInstanceOf(BenchFailure.class).hasMessageContaining("not a JSON array");
    }
  }

  @Test
  void readsAnswersLongerThanTheParsersBuffer() {
    StringBuilder json = new StringBuilder("[");
    for (int i = 0; i < 2000; i++) {
      json.append(i == 0 ? "" : ",").append("{\"value\":\"").append("A".repeat(100)).append("\",\"partition\":0,")
          .append("\"offset\":").append(i).append('}');
    }
    OffsetLedger ledger = new OffsetLedger();

    assertThat(RecordsAnswer.enter(Buffer.buffer(json.append(']').toString()), ledger, "c")).isEqualTo(2000);
    ledger.requireNoGaps();
  }
}
