package io.tributary.core.metadata;

import io.tributary.core.bus.BusMessage;
import java.util.List;

/** The cluster id, the controller's broker id (-1 when unknown) and the brokers ordered by id. */
public record ClusterBrokers(String clusterId, int controller, List<BrokerDescription> brokers)
    implements BusMessage {
  public ClusterBrokers {
    brokers = List.copyOf(brokers);
  }
}
