package io.tributary.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class OffsetLedgerTest {

  @Test
  void countsOffsetsOfSeveralPartitionsInAnyOrder() {
    OffsetLedger ledger = new OffsetLedger();
    ledger.add(0, 1);
    ledger.add(1, 0);
    ledger.add(0, 0);
    ledger.add(0, 2);

    assertThat(ledger.count()).isEqualTo(4);
    assertThatCode(ledger::requireNoGaps).doesNotThrowAnyException();
  }

  @Test
  void anOffsetDeliveredTwiceIsAFailure() {
    OffsetLedger ledger = new OffsetLedger();
    ledger.add(3, 7);

    assertThatThrownBy(() -> ledger.add(3, 7)).isInstanceOf(BenchFailure.class).hasMessageContaining("twice");
    assertThat(ledger.count()).isEqualTo(1);
  }

  @Test
  void theSameOffsetOfAnotherPartitionIsNoDuplicate() {
    OffsetLedger ledger = new OffsetLedger();
    ledger.add(0, 0);
    ledger.add(1, 0);

    assertThat(ledger.count()).isEqualTo(2);
  }

  @Test
  void aGapIsAFailure() {
    OffsetLedger ledger = new OffsetLedger();
    ledger.add(0, 0);
    ledger.add(0, 2);

    assertThatThrownBy(ledger::requireNoGaps).isInstanceOf(BenchFailure.class)
        .hasMessageContaining("missing offset 1");
  }

  @Test
  void aMissingFirstOffsetIsAGap() {
    OffsetLedger ledger = new OffsetLedger();
    ledger.add(0, 1);

    assertThatThrownBy(ledger::requireNoGaps).hasMessageContaining("missing offset 0");
  }

  @Test
  void nothingDeliveredHasNoGap() {
    assertThatCode(new OffsetLedger()::requireNoGaps).doesNotThrowAnyException();
  }

  @Test
  void rejectsNegativeOffsets() {
    assertThatThrownBy(() -> new OffsetLedger().add(0, -1)).isInstanceOf(BenchFailure.class);
  }
}
