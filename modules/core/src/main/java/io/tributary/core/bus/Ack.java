package io.tributary.core.bus;

/** The reply of an operation that has nothing to return but its success. */
public record Ack() implements BusMessage {
  public static final Ack INSTANCE = new Ack();
}
