package io.tributary.core.admin;

import io.tributary.core.bus.BusMessage;

/** Asks for the ACLs matching a filter; the reply is {@link AclEntries}. */
public record SearchAcls(AclEntry filter) implements BusMessage {}
