package io.tributary.core.admin;

import io.tributary.core.metadata.ReplicaDescription;

/** A replica together with the partition it belongs to. */
public record TopicReplica(String topic, int partition, ReplicaDescription replica) {}
