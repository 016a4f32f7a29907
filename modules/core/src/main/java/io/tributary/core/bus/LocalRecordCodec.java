package io.tributary.core.bus;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.MessageCodec;

/**
 * Passes {@link BusMessage} records by reference on the local event bus: no JSON round trip between an HTTP
 * verticle and an engine. Tributary never clusters its event bus, so the wire methods refuse to work.
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
