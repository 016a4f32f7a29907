package io.tributary.core.bus;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.MessageCodec;

/**
 * The fallback for a {@link BusMessage} sent without its {@link BusOperation} (tests that use the raw bus): passes
 * it by reference and has no wire form. Types of operations get their own {@link BusWireCodec}, which Vert.x picks
 * before this one.
 */
public final class LocalRecordCodec implements MessageCodec<Object, Object> {
  public static final String NAME = "tributary-local";

  /** Registers the codec and makes it the choice for every {@link BusMessage}; safe to call more than once. */
  public static void install(EventBus bus) {
    try {
      bus.registerCodec(new LocalRecordCodec());
    } catch (IllegalStateException alreadyRegistered) {
      return;
    }
    bus.codecSelector(body -> body instanceof BusMessage ? NAME : null);
  }

  @Override
  public void encodeToWire(Buffer buffer, Object o) {
    throw new UnsupportedOperationException("Tributary bus messages are local only");
  }

  @Override
  public Object decodeFromWire(int pos, Buffer buffer) {
    throw new UnsupportedOperationException("Tributary bus messages are local only");
  }

  @Override
  public Object transform(Object o) {
    return o;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public byte systemCodecID() {
    return -1;
  }
}
