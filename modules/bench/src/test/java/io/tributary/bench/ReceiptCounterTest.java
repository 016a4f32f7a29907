package io.tributary.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ReceiptCounterTest {
  private static final String OK = "{\"error_code\":200,\"topic_name\":\"t\",\"partition_id\":0,\"offset\":%d}\r\n";

  @Test
  void countsReceiptsWhereverTheBuffersSplitThem() {
    StringBuilder stream = new StringBuilder();
    for (int i = 0; i < 5; i++) {
      stream.append(String.format(OK, i));
    }
    byte[] bytes = stream.toString().getBytes(StandardCharsets.US_ASCII);
    for (int first = 0; first <= bytes.length; first++) {
      for (int second = first; second <= bytes.length; second += 7) {
        ReceiptCounter counter = new ReceiptCounter();
        assertThat(counter.accept(Arrays.copyOfRange(bytes, 0, first))).isTrue();
        assertThat(counter.accept(Arrays.copyOfRange(bytes, first, second))).isTrue();
        assertThat(counter.accept(Arrays.copyOfRange(bytes, second, bytes.length))).isTrue();
        assertThat(counter.receipts()).as("split at %d and %d", first, second).isEqualTo(5);
      }
    }
  }

  @Test
  void aReceiptIsCountedOnlyOnceItsLineEnds() {
    ReceiptCounter counter = new ReceiptCounter();
    counter.accept(String.format(OK, 1).replace("\r\n", "\r").getBytes(StandardCharsets.US_ASCII));
    assertThat(counter.receipts()).isZero();

    counter.accept(new byte[] {'\n'});
    assertThat(counter.receipts()).isEqualTo(1);
  }

  @Test
  void aLineFeedWithoutCarriageReturnEndsNoReceipt() {
    ReceiptCounter counter = new ReceiptCounter();
    counter.accept(String.format(OK, 1).replace("\r\n", "\n").getBytes(StandardCharsets.US_ASCII));
    counter.accept("x\n\r\n".getBytes(StandardCharsets.US_ASCII));

    assertThat(counter.receipts()).isEqualTo(1);
  }

  @Test
  void aReceiptThatDoesNotBeginAsASuccessIsRefused() {
    ReceiptCounter counter = new ReceiptCounter();
    assertThat(counter.accept(String.format(OK, 1).getBytes(StandardCharsets.US_ASCII))).isTrue();

    assertThat(counter.accept("{\"error_code\":400,\"message\":\"bad\"}\r\n".getBytes(StandardCharsets.US_ASCII)))
        .isFalse();
  }
}
