package io.tributary.core.consumer;

/** Names a consumer instance: its group and its instance name. */
public record ConsumerRef(String group, String instance) {}
