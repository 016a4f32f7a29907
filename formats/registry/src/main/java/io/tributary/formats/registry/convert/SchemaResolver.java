package io.tributary.formats.registry.convert;

import io.tributary.core.auth.Operation;
import io.tributary.core.auth.Principal;
import io.tributary.core.error.ErrorCode;
import io.tributary.core.format.EmbeddedFormat;
import io.tributary.core.format.RecordPart;
import io.tributary.core.format.SchemaSpec;
import io.tributary.formats.InvalidSchemaException;
import io.tributary.formats.registry.RegisteredSchema;
import io.tributary.formats.registry.SchemaRegistryClient;
import io.tributary.formats.registry.SchemaRegistryException;
import io.tributary.formats.schema.ParsedSchema;
import io.tributary.formats.schema.SchemaType;
import io.tributary.formats.schema.SubjectNameStrategy;
import io.vertx.core.Future;
import java.util.stream.Stream;

/**
 * Finds the schema a request's data is to be written with, following kafka-rest's rules (reference
 * event-streams-and-schema-registry §2.3): a raw schema is looked up under its subject and registered when it is new;
 * an id is fetched and its version looked up under the subject; a version is fetched from the subject; with none of
 * them the subject's latest version is used. The subject is the explicit one, else the naming strategy's (topic name
 * by default).
 */
final class SchemaResolver {
  private static final int SUBJECT_NOT_FOUND = 40401;
  private static final int VERSION_NOT_FOUND = 40402;
  private static final int SCHEMA_NOT_FOUND = 40403;

  private final SchemaRegistryClient client;
  private final ParsedSchemaCache schemas;
  private final ReferencedSchemas registered;

  SchemaResolver(SchemaRegistryClient client, ParsedSchemaCache schemas, ReferencedSchemas registered) {
    this.client = client;
    this.schemas = schemas;
    this.registered = registered;
  }

  /** The resolved schema; failures are already translated to the converters' error codes. */
  Future<ResolvedSchema> resolve(String topic, RecordPart part, EmbeddedFormat format, SchemaSpec spec,
      Principal principal) {
    try {
      SubjectNameStrategy strategy = strategy(spec);
      Future<ResolvedSchema> resolved;
      if (spec.schema() != null) {
        resolved = byText(topic, part, format, spec, strategy, principal);
      } else if (spec.schemaId() != null) {
        resolved = byId(topic, part, format, spec, strategy);
      } else {
        String subject = spec.subject() != null ? spec.subject() : subjectFromTopic(topic, part, strategy);
        resolved = spec.schemaVersion() != null ? byVersion(subject, spec.schemaVersion(), format)
            : latest(subject, format);
      }
      return resolved.recover(e -> Future.failedFuture(FormatFailures.produce(e)));
    } catch (RuntimeException e) {
      return Future.failedFuture(FormatFailures.produce(e));
    }
  }

  private Future<ResolvedSchema> byText(String topic, RecordPart part, EmbeddedFormat format, SchemaSpec spec,
      SubjectNameStrategy strategy, Principal principal) {
    SchemaType type = format == null ? null : SchemaType.of(format).orElse(null);
    if (type == null) {
      throw ErrorCode.BAD_REQUEST.toException("A raw schema needs a schema format (AVRO, JSONSCHEMA or PROTOBUF).");
    }
    ParsedSchema parsed = schemas.parse(type, spec.schema());
    String subject = spec.subject() != null ? spec.subject() : strategy.subject(topic, part.isKey(), parsed);
    String canonical = parsed.canonical();
    return client.lookup(subject, type, canonical)
        .recover(e -> isCode(e, SUBJECT_NOT_FOUND, SCHEMA_NOT_FOUND)
            ? registerAs(principal, subject, type, canonical)
            : Future.failedFuture(e))
        .transform(ar -> ar.succeeded()
            ? Future.succeededFuture(new ResolvedSchema(ar.result().id(), subject, ar.result().version(), parsed))
            : Future.failedFuture(FormatFailures.registry(ar.cause())));
  }

  /**
   * Registers a schema the subject does not have yet, if the principal may write the subject: the proxy registers
   * with its own registry credentials, so the request's principal is checked here.
   */
  private Future<io.tributary.formats.registry.SubjectVersion> registerAs(Principal principal, String subject,
      SchemaType type, String canonical) {
    if (!principal.mayOnSubject(Operation.SCHEMA_WRITE, subject)) {
      return Future.failedFuture(ErrorCode.FORBIDDEN.toException("Not authorized: principal " + principal.name()
          + " may not schema-write subject " + subject + " (the schema is not registered there yet)."));
    }
    return client.register(subject, type, canonical).compose(id -> client.lookup(subject, type, canonical));
  }

  private Future<ResolvedSchema> byId(String topic, RecordPart part, EmbeddedFormat format, SchemaSpec spec,
      SubjectNameStrategy strategy) {
    int id = spec.schemaId();
    return client.getById(id).recover(e -> Future.failedFuture(FormatFailures.registry(e)))
        .compose(schema -> registered.parsed(schema).map(parsed -> new Parsed(schema, parsed)))
        .compose(found -> {
      RegisteredSchema schema = found.schema();
      ParsedSchema parsed = found.parsed();
      requireFormat(format, parsed, "Schema " + id);
      String subject = spec.subject() != null ? spec.subject() : strategy.subject(topic, part.isKey(), parsed);
      return client.lookup(subject, schema.type(), schema.schema(), schema.references()).transform(ar -> {
        if (ar.succeeded()) {
          return Future.succeededFuture(new ResolvedSchema(id, subject, ar.result().version(), parsed));
        }
        if (isCode(ar.cause(), SUBJECT_NOT_FOUND, SCHEMA_NOT_FOUND)) {
          return Future.failedFuture(ErrorCode.SERIALIZATION_FAILED.toException("Error serializing message. Error"
              + " when fetching schema version. subject = " + subject + ", schema id = " + id + ": "
              + ar.cause().getMessage()));
        }
        return Future.failedFuture(FormatFailures.registry(ar.cause()));
      });
    });
  }

  private Future<ResolvedSchema> byVersion(String subject, int version, EmbeddedFormat format) {
    return client.getVersion(subject, version).transform(ar -> {
      if (ar.failed()) {
        return Future.failedFuture(isCode(ar.cause(), SUBJECT_NOT_FOUND, VERSION_NOT_FOUND)
            ? ErrorCode.BAD_REQUEST.toException("Schema does not exist for subject: " + subject + ", version: "
                + version)
            : FormatFailures.registry(ar.cause()));
      }
      return registered.parsed(ar.result().registered()).map(parsed -> {
        requireFormat(format, parsed, "Subject " + subject + " version " + version);
        return new ResolvedSchema(ar.result().id(), subject, ar.result().version(), parsed);
      });
    });
  }

  /** A registry schema with its parsed form. */
  private record Parsed(RegisteredSchema schema, ParsedSchema parsed) {}

  private Future<ResolvedSchema> latest(String subject, EmbeddedFormat format) {
    return client.getLatest(subject).recover(e -> Future.failedFuture(FormatFailures.registry(e)))
        .compose(v -> registered.parsed(v.registered()).map(parsed -> {
          requireFormat(format, parsed, "The latest version of subject " + subject);
          return new ResolvedSchema(v.id(), subject, v.version(), parsed);
        }));
  }

  private static SubjectNameStrategy strategy(SchemaSpec spec) {
    long schemaArguments = Stream.of(spec.schema(), spec.schemaId(), spec.schemaVersion()).filter(a -> a != null)
        .count();
    if (schemaArguments > 1) {
      throw ErrorCode.BAD_REQUEST.toException("Only one of schema, schema_id and schema_version may be given.");
    }
    if (spec.subject() != null && spec.subjectNameStrategy() != null) {
      throw ErrorCode.BAD_REQUEST.toException("Only one of subject and subject_name_strategy may be given.");
    }
    if (spec.subjectNameStrategy() == null) {
      return SubjectNameStrategy.TOPIC_NAME;
    }
    return SubjectNameStrategy.parse(spec.subjectNameStrategy()).orElseThrow(() -> ErrorCode.BAD_REQUEST
        .toException("Unknown subject_name_strategy " + spec.subjectNameStrategy() + "."));
  }

  private static String subjectFromTopic(String topic, RecordPart part, SubjectNameStrategy strategy) {
    if (strategy.needsSchema()) {
      throw ErrorCode.BAD_REQUEST.toException("Cannot use schema_subject_strategy=" + strategy.name()
          + " without schema_id or schema.");
    }
    return strategy.subject(topic, part.isKey(), null);
  }

  /** A request that declared a format may only use schemas of that format. */
  private static void requireFormat(EmbeddedFormat format, ParsedSchema parsed, String what) {
    if (format != null && SchemaType.of(format).orElse(null) != parsed.type()) {
      throw new InvalidSchemaException(what + " is a " + parsed.type().wireName() + " schema, but the request's"
          + " format is " + format.wireName());
    }
  }

  private static boolean isCode(Throwable e, int... codes) {
    if (e instanceof SchemaRegistryException sre) {
      for (int c : codes) {
        if (sre.errorCode() == c) {
          return true;
        }
      }
    }
    return false;
  }
}
