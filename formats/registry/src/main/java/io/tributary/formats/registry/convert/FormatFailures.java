package io.tributary.formats.registry.convert;

import io.tributary.core.error.ErrorCode;
import io.tributary.core.error.TributaryException;
import io.tributary.core.format.RecordPart;
import io.tributary.formats.DataMismatchException;
import io.tributary.formats.FormatException;
import io.tributary.formats.InvalidSchemaException;
import io.tributary.formats.registry.SchemaRegistryException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The converters' failures as error codes (see {@link io.tributary.core.format.EncodeRequest} and
 * {@link io.tributary.core.format.DecodeRequest}): registry failures after kafka-rest (42207, a registry's 40301 stays
 * 40301), an unreachable or failing registry as 50303, bad data and schemas as 42203/42205 on produce and 50002 on
 * consume.
 */
final class FormatFailures {
  private static final Logger LOG = LoggerFactory.getLogger(FormatFailures.class);

  private FormatFailures() {}

  /** A registry failure while resolving a schema to write with. */
  static TributaryException registry(Throwable error) {
    if (error instanceof SchemaRegistryException e) {
      if (e.errorCode() == 40301 || e.status() == 403) {
        return ErrorCode.FORBIDDEN.toException("Not authorized by the schema registry: " + e.getMessage());
      }
      if (e.status() >= 500 || e.status() == 401) {
        return unavailable(e);
      }
      return ErrorCode.SERIALIZATION_FAILED.toException("Error serializing message. " + e.getMessage());
    }
    return produce(error);
  }

  /** Any failure of an encode request. */
  static TributaryException produce(Throwable error) {
    if (error instanceof TributaryException te) {
      return te;
    }
    if (error instanceof SchemaRegistryException) {
      return registry(error);
    }
    if (error instanceof DataMismatchException e) {
      return ErrorCode.JSON_CONVERSION.toException(e.getMessage());
    }
    if (error instanceof InvalidSchemaException e) {
      return ErrorCode.INVALID_SCHEMA.toException(e.getMessage());
    }
    if (error instanceof FormatException e) {
      return ErrorCode.JSON_CONVERSION.toException(e.getMessage());
    }
    return unexpected(error);
  }

  /** Any failure of a decode request. */
  static TributaryException consume(Throwable error, RecordPart part) {
    if (error instanceof TributaryException te) {
      return te;
    }
    if (error instanceof SchemaRegistryException e) {
      if (e.status() >= 500 || e.status() == 401) {
        return unavailable(e);
      }
      return ErrorCode.KAFKA_ERROR.toException("Error deserializing " + part.label() + ": " + e.getMessage());
    }
    if (error instanceof FormatException e) {
      return ErrorCode.KAFKA_ERROR.toException("Error deserializing " + part.label() + ": " + e.getMessage());
    }
    return unexpected(error);
  }

  private static TributaryException unavailable(SchemaRegistryException e) {
    String message = e.getMessage() != null && e.getMessage().startsWith("Schema registry unavailable")
        ? e.getMessage() : "Schema registry unavailable: " + e.getMessage();
    return ErrorCode.SCHEMA_REGISTRY_UNAVAILABLE.toException(message);
  }

  private static TributaryException unexpected(Throwable error) {
    LOG.error("Unexpected failure in a format converter", error);
    return ErrorCode.INTERNAL.toException();
  }
}
