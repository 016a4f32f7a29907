package io.tributary.core.admin;

import io.tributary.core.bus.BusMessage;
import java.util.List;

/** Creates ACLs; the reply is {@link io.tributary.core.bus.Ack} once every one of them exists. */
public record CreateAcls(List<AclEntry> acls) implements BusMessage {
  public CreateAcls {
    acls = List.copyOf(acls);
  }
}
