package io.tributary.core.admin;

/** Why Kafka refused the config changes of one topic: the error code and message it maps to. */
public record TopicConfigFailure(String topic, int errorCode, String message) {}
