package io.tributary.core.bus;

import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import io.tributary.core.consumer.ReadResult;
import io.tributary.core.consumer.RenderedRead;
import io.tributary.core.error.ErrorCode;
import io.tributary.core.error.TributaryException;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.MessageCodec;
import io.vertx.core.json.Json;
import io.vertx.core.json.jackson.VertxModule;
import io.vertx.core.shareddata.LocalMap;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The codec of one bus message type. Inside one JVM a message passes by reference ({@link #transform}); between
 * nodes it travels as {@code [version byte][int length][UTF-8 JSON of the record]}. A peer that speaks another
 * {@link #WIRE_VERSION} is refused when its message is decoded, never misread. Records are written field by field
 * (their components) and read back through their canonical constructors; JSON values held as {@code Object}
 * (decoded record values, values to encode) come back as Vert.x {@code JsonObject}/{@code JsonArray}/scalars.
 *
 * <p>Registered as the default codec of its type on first use of an operation ({@link #register}).
 */
public final class BusWireCodec<T> implements MessageCodec<T, T> {
  /**
   * Bump on any incompatible change of a message's wire form or of what nodes ask each other (2: a read's records and
   * body as bytes; 3: a forwarded read answered with its records as bytes, rendered by the forwarding node; 4: a
   * forwarded read names its origin, and its records are held until the origin confirms them).
   */
  public static final byte WIRE_VERSION = 4;

  private static final String REGISTERED = "tributary.bus.codecs";
  private static final ObjectMapper MAPPER = mapper();

  private final Class<T> type;

  public BusWireCodec(Class<T> type) {
    this.type = type;
  }

  /** Makes sure the request and reply types of {@code operation} have their codecs on this node's bus. */
  static void register(Vertx vertx, BusOperation<?, ?> operation) {
    LocalMap<String, Boolean> registered = vertx.sharedData().getLocalMap(REGISTERED);
    register(vertx.eventBus(), registered, operation.requestType());
    register(vertx.eventBus(), registered, operation.replyType());
  }

  private static <T> void register(EventBus bus, LocalMap<String, Boolean> registered, Class<T> type) {
    if (registered.putIfAbsent(type.getName(), Boolean.TRUE) == null) {
      bus.registerDefaultCodec(type, of(type));
    }
  }

  /**
   * The codec of {@code type} on the wire: this JSON form, except for the messages that carry a read's records
   * ({@link ReadResultWireCodec}, {@link RenderedReadWireCodec}: bytes as they are, since a forwarded read carries
   * megabytes).
   */
  @SuppressWarnings("unchecked")
  public static <T> MessageCodec<T, T> of(Class<T> type) {
    if (type == ReadResult.class) {
      return (MessageCodec<T, T>) new ReadResultWireCodec();
    }
    if (type == RenderedRead.class) {
      return (MessageCodec<T, T>) new RenderedReadWireCodec();
    }
    return new BusWireCodec<>(type);
  }

  @Override
  public void encodeToWire(Buffer buffer, T message) {
    byte[] json;
    try {
      json = MAPPER.writeValueAsBytes(message);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    buffer.appendByte(WIRE_VERSION).appendInt(json.length).appendBytes(json);
  }

  @Override
  public T decodeFromWire(int pos, Buffer buffer) {
    byte version = buffer.getByte(pos);
    if (version != WIRE_VERSION) {
      throw new IllegalStateException("A peer sent " + type.getSimpleName() + " in bus wire version " + version
          + "; this node speaks version " + WIRE_VERSION);
    }
    int length = buffer.getInt(pos + 1);
    try {
      return MAPPER.readValue(buffer.getBytes(pos + 5, pos + 5 + length), type);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public T transform(T message) {
    return message;
  }

  @Override
  public String name() {
    return "tributary.bus/" + type.getName();
  }

  @Override
  public byte systemCodecID() {
    return -1;
  }

  private static ObjectMapper mapper() {
    SimpleModule untypedJson = new SimpleModule("tributary-untyped-json");
    untypedJson.addDeserializer(Object.class, new VertxJsonValueDeserializer());
    // A failure carried inside a reply (a read whose records could not be rendered): its code and message only.
    untypedJson.addSerializer(TributaryException.class, new FailureSerializer());
    untypedJson.addDeserializer(TributaryException.class, new FailureDeserializer());
    return new ObjectMapper()
        .registerModule(new VertxModule())
        .registerModule(untypedJson)
        .setVisibility(PropertyAccessor.ALL, Visibility.NONE)
        .setVisibility(PropertyAccessor.FIELD, Visibility.ANY)
        .setVisibility(PropertyAccessor.CREATOR, Visibility.ANY)
        .setSerializationInclusion(JsonInclude.Include.NON_NULL)
        .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
  }

  /** A {@link TributaryException} as {@code {"code":…,"message":…}}: what a route needs to answer with it. */
  private static final class FailureSerializer extends StdSerializer<TributaryException> {
    private static final long serialVersionUID = 1L;

    FailureSerializer() {
      super(TributaryException.class);
    }

    @Override
    public void serialize(TributaryException failure, JsonGenerator out, SerializerProvider provider)
        throws IOException {
      out.writeStartObject();
      out.writeNumberField("code", failure.code());
      out.writeStringField("message", failure.getMessage());
      out.writeEndObject();
    }
  }

  private static final class FailureDeserializer extends StdDeserializer<TributaryException> {
    private static final long serialVersionUID = 1L;

    FailureDeserializer() {
      super(TributaryException.class);
    }

    @Override
    public TributaryException deserialize(JsonParser parser, DeserializationContext context) throws IOException {
      JsonNode node = parser.readValueAsTree();
      int code = node.path("code").asInt();
      return new TributaryException(ErrorCode.byCode(code), code, node.path("message").asText(null));
    }
  }

  /** A JSON value held as {@code Object}: objects and arrays as Vert.x JSON, as the engines produce them. */
  private static final class VertxJsonValueDeserializer extends StdDeserializer<Object> {
    private static final long serialVersionUID = 1L;

    VertxJsonValueDeserializer() {
      super(Object.class);
    }

    @Override
    public Object deserialize(JsonParser parser, DeserializationContext context) throws IOException {
      JsonNode node = parser.readValueAsTree();
      return Json.decodeValue(node.toString());
    }

    @Override
    public Object getNullValue(DeserializationContext context) {
      return null;
    }
  }
}
