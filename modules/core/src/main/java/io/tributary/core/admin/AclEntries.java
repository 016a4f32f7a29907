package io.tributary.core.admin;

import io.tributary.core.bus.BusMessage;
import java.util.List;

/** ACLs, sorted by resource type, resource name, pattern type, principal, host, operation and permission. */
public record AclEntries(List<AclEntry> acls) implements BusMessage {
  public AclEntries {
    acls = List.copyOf(acls);
  }
}
