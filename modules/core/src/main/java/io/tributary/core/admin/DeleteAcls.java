package io.tributary.core.admin;

import io.tributary.core.bus.BusMessage;

/** Deletes the ACLs matching a filter; the reply is {@link AclEntries}, the ACLs that were deleted. */
public record DeleteAcls(AclEntry filter) implements BusMessage {}
