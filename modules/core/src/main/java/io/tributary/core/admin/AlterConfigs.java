package io.tributary.core.admin;

import io.tributary.core.bus.BusMessage;
import java.util.List;

/**
 * Applies config changes to one resource atomically (or only validates them). For brokers and topics every name must
 * be a config the resource already describes (404 otherwise); cluster-wide defaults may be set for any name. The
 * reply is {@link io.tributary.core.bus.Ack}.
 */
public record AlterConfigs(ConfigScope scope, String resource, List<ConfigChange> changes, boolean validateOnly)
    implements BusMessage {
  public AlterConfigs {
    changes = List.copyOf(changes);
  }
}
