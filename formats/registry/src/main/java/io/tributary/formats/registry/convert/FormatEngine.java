package io.tributary.formats.registry.convert;

import io.tributary.core.error.ErrorCode;
import io.tributary.core.format.DecodeRequest;
import io.tributary.core.format.DecodeResult;
import io.tributary.core.format.DecodeResult.DecodedValue;
import io.tributary.core.format.EncodeRequest;
import io.tributary.core.format.EncodeResult;
import io.tributary.core.format.EncodedValue;
import io.tributary.core.format.JsonText;
import io.tributary.formats.MalformedRecordException;
import io.tributary.formats.registry.SchemaRegistryClient;
import io.tributary.formats.schema.ParsedSchema;
import io.tributary.formats.schema.SchemaFormat;
import io.tributary.formats.schema.SchemaFormats;
import io.tributary.formats.schema.SchemaType;
import io.tributary.formats.wire.ConfluentWireFormat;
import io.tributary.formats.wire.Framed;
import io.tributary.formats.wire.SchemaRef;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Converts between request JSON and Confluent wire-format bytes: resolves the schema through the (caching) registry
 * client, then encodes or decodes with the schema's format. Thread-safe and shared by every converter worker; its
 * CPU work runs on the worker thread that asked.
 */
public final class FormatEngine {
  private final SchemaRegistryClient client;
  private final ParsedSchemaCache schemas;
  private final SchemaResolver resolver;
  private final ReferencedSchemas registered;

  /** @param client a caching client: the engine asks it for every request */
  public FormatEngine(SchemaRegistryClient client, SchemaFormats formats) {
    this.client = client;
    this.schemas = new ParsedSchemaCache(formats);
    this.registered = new ReferencedSchemas(client, schemas);
    this.resolver = new SchemaResolver(client, schemas, registered);
  }

  public Future<EncodeResult> encode(EncodeRequest request) {
    return resolver.resolve(request.topic(), request.part(), request.format(), request.schema(),
        request.principal()).map(resolved -> {
      try {
        ParsedSchema parsed = resolved.parsed();
        SchemaFormat format = schemas.format(parsed.type());
        List<byte[]> encoded = new ArrayList<>(request.values().size());
        for (byte[] payload : payloads(format, parsed, request.values())) {
          encoded.add(ConfluentWireFormat.frame(resolved.id(), payload));
        }
        return new EncodeResult(parsed.type().embeddedFormat(), resolved.id(), resolved.subject(), resolved.version(),
            encoded);
      } catch (RuntimeException e) {
        throw FormatFailures.produce(e);
      }
    });
  }

  /** A request's values as given (JSON text, as produce routes give them, or values), encoded with the schema. */
  private static List<byte[]> payloads(SchemaFormat format, ParsedSchema parsed, List<?> values) {
    List<JsonText> texts = new ArrayList<>(values.size());
    for (Object value : values) {
      if (!(value instanceof JsonText text)) {
        texts = null;
        break;
      }
      texts.add(text);
    }
    if (texts != null) {
      return format.jsonTextsToPayloads(parsed, texts);
    }
    List<byte[]> payloads = new ArrayList<>(values.size());
    for (Object value : values) {
      payloads.add(value instanceof JsonText text ? format.jsonTextToPayload(parsed, text)
          : format.jsonToPayload(parsed, value));
    }
    return payloads;
  }

  public Future<DecodeResult> decode(DecodeRequest request) {
    try {
      SchemaType expected = SchemaType.of(request.format()).orElseThrow(() -> ErrorCode.BAD_REQUEST
          .toException("Format " + request.format().wireName() + " does not use a schema registry"));
      List<Framed> frames = new ArrayList<>(request.values().size());
      Set<Integer> ids = new LinkedHashSet<>();
      for (EncodedValue value : request.values()) {
        Framed framed = value.bytes() == null ? null : ConfluentWireFormat.read(value.bytes(), value.schemaIdHeader());
        frames.add(framed);
        if (framed != null) {
          ids.add(schemaId(framed));
        }
      }
      Map<Integer, Future<ParsedSchema>> fetched = new HashMap<>();
      ids.forEach(id -> fetched.put(id, client.getById(id).compose(registered::parsed)));
      return Future.all(new ArrayList<>(fetched.values()))
          .map(done -> decodeAll(frames, fetched, expected))
          .recover(e -> Future.failedFuture(FormatFailures.consume(e, request.part())));
    } catch (RuntimeException e) {
      return Future.failedFuture(FormatFailures.consume(e, request.part()));
    }
  }

  private DecodeResult decodeAll(List<Framed> frames, Map<Integer, Future<ParsedSchema>> fetched,
      SchemaType expected) {
    List<DecodedValue> out = new ArrayList<>(frames.size());
    for (Framed framed : frames) {
      if (framed == null) {
        out.add(new DecodedValue(null, null));
        continue;
      }
      int id = schemaId(framed);
      ParsedSchema parsed = fetched.get(id).result();
      if (parsed.type() != expected) {
        throw new MalformedRecordException("Schema " + id + " is a " + parsed.type().wireName()
            + " schema, not " + expected.wireName());
      }
      out.add(new DecodedValue(schemas.format(parsed.type()).payloadToJson(parsed, framed.payload()), id));
    }
    return new DecodeResult(out);
  }

  private static int schemaId(Framed framed) {
    if (framed.schema() instanceof SchemaRef.Id id) {
      return id.value();
    }
    throw new MalformedRecordException("The record names its schema by GUID, which this proxy cannot resolve");
  }
}
