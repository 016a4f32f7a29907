package io.tributary.core.admin;

/** A topic partition assigned to a group member. */
public record AssignedPartition(String topic, int partition) {}
