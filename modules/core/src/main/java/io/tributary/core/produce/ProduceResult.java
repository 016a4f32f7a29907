package io.tributary.core.produce;

import io.tributary.core.bus.BusMessage;
import java.util.List;

/** One receipt per record of the request, in request order. */
public record ProduceResult(List<RecordReceipt> receipts) implements BusMessage {
  public ProduceResult {
    receipts = List.copyOf(receipts);
  }
}
