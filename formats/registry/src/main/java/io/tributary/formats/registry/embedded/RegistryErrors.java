package io.tributary.formats.registry.embedded;

import io.tributary.core.error.ErrorCode;
import io.tributary.core.error.TributaryException;
import java.util.List;

/**
 * The Confluent Schema Registry's error codes and messages (reference §3.1), as failures that carry the registry's
 * numeric code: the HTTP status is its first three digits, and the code crosses the event bus unchanged.
 */
public final class RegistryErrors {
  public static final int SUBJECT_NOT_FOUND = 40401;
  public static final int VERSION_NOT_FOUND = 40402;
  public static final int SCHEMA_NOT_FOUND = 40403;
  public static final int SUBJECT_SOFT_DELETED = 40404;
  public static final int SUBJECT_NOT_SOFT_DELETED = 40405;
  public static final int VERSION_SOFT_DELETED = 40406;
  public static final int VERSION_NOT_SOFT_DELETED = 40407;
  public static final int SUBJECT_LEVEL_COMPATIBILITY_NOT_CONFIGURED = 40408;
  public static final int SUBJECT_LEVEL_MODE_NOT_CONFIGURED = 40409;
  /** Confluent's registry answers an incompatible schema with the bare status as its code. */
  public static final int INCOMPATIBLE_SCHEMA = 409;
  public static final int INVALID_SCHEMA = 42201;
  public static final int INVALID_VERSION = 42202;
  public static final int INVALID_COMPATIBILITY_LEVEL = 42203;
  public static final int INVALID_MODE = 42204;
  public static final int OPERATION_NOT_PERMITTED = 42205;
  public static final int REFERENCE_EXISTS = 42206;
  public static final int INVALID_SUBJECT = 42208;
  public static final int STORE_ERROR = 50001;
  public static final int OPERATION_TIMEOUT = 50002;
  /**
   * Not one of the registry's codes: the bare status, as Confluent's registry answers plain HTTP errors. Clients
   * that retry (Confluent's with {@code max.retries}, and others) retry a 503, not a 500.
   */
  public static final int NOT_READY = 503;

  private RegistryErrors() {}

  public static TributaryException subjectNotFound(String subject) {
    return error(SUBJECT_NOT_FOUND, "Subject '" + subject + "' not found.");
  }

  public static TributaryException versionNotFound(int version) {
    return error(VERSION_NOT_FOUND, "Version " + version + " not found.");
  }

  public static TributaryException schemaNotFound(int id) {
    return error(SCHEMA_NOT_FOUND, "Schema " + id + " not found");
  }

  public static TributaryException schemaNotFound() {
    return error(SCHEMA_NOT_FOUND, "Schema not found");
  }

  public static TributaryException subjectSoftDeleted(String subject) {
    return error(SUBJECT_SOFT_DELETED,
        "Subject '" + subject + "' was soft deleted.Set permanent=true to delete permanently");
  }

  public static TributaryException subjectNotSoftDeleted(String subject) {
    return error(SUBJECT_NOT_SOFT_DELETED,
        "Subject '" + subject + "' was not deleted first before being permanently deleted");
  }

  public static TributaryException versionSoftDeleted(String subject, int version) {
    return error(VERSION_SOFT_DELETED, "Subject '" + subject + "' Version " + version
        + " was soft deleted.Set permanent=true to delete permanently");
  }

  public static TributaryException versionNotSoftDeleted(String subject, int version) {
    return error(VERSION_NOT_SOFT_DELETED, "Subject '" + subject + "' Version " + version
        + " was not deleted first before being permanently deleted");
  }

  public static TributaryException subjectCompatibilityNotConfigured(String subject) {
    return error(SUBJECT_LEVEL_COMPATIBILITY_NOT_CONFIGURED,
        "Subject '" + subject + "' does not have subject-level compatibility configured");
  }

  public static TributaryException subjectModeNotConfigured(String subject) {
    return error(SUBJECT_LEVEL_MODE_NOT_CONFIGURED,
        "Subject '" + subject + "' does not have subject-level mode configured");
  }

  public static TributaryException invalidMode(String given) {
    return error(INVALID_MODE, "Invalid mode '" + given + "'. Valid values are READWRITE, READONLY,"
        + " READONLY_OVERRIDE and IMPORT");
  }

  public static TributaryException incompatible(String subject, List<String> problems) {
    return error(INCOMPATIBLE_SCHEMA, "Schema being registered is incompatible with an earlier schema for subject \""
        + subject + "\", details: " + problems);
  }

  public static TributaryException invalidSchema(String message) {
    return error(INVALID_SCHEMA, message);
  }

  public static TributaryException invalidVersion(String given) {
    return error(INVALID_VERSION, "The specified version '" + given + "' is not a valid version id. Allowed values"
        + " are between [1, 2^31-1] and the string \"latest\"");
  }

  public static TributaryException invalidCompatibilityLevel() {
    return error(INVALID_COMPATIBILITY_LEVEL, "Invalid compatibility level. Valid values are none, backward,"
        + " forward, full, backward_transitive, forward_transitive, and full_transitive");
  }

  public static TributaryException operationNotPermitted(String message) {
    return error(OPERATION_NOT_PERMITTED, message);
  }

  /** A version that live schemas reference cannot be deleted (soft or hard) until they are. */
  public static TributaryException referenceExists(String subject, int version, List<Integer> referrers) {
    return error(REFERENCE_EXISTS, "One or more references exist to the schema {subject=" + subject + ", version="
        + version + "}: schema ids " + referrers + " reference it; delete them first");
  }

  public static TributaryException invalidSubject(String subject) {
    return error(INVALID_SUBJECT, "The specified subject '" + subject + "' is not a valid subject name.");
  }

  public static TributaryException storeError(String detail) {
    return error(STORE_ERROR, "Error in the backend data store - " + detail);
  }

  public static TributaryException timeout(String detail) {
    return error(OPERATION_TIMEOUT, "Operation timed out - " + detail);
  }

  /** The store has not finished loading its topic (Kafka cannot be reached, say); it keeps trying. */
  public static TributaryException notReady(String detail) {
    return error(NOT_READY, "The schema registry is not ready yet - " + detail);
  }

  /** A failure with a registry code; its status is the code's first three digits (or the code itself). */
  public static TributaryException error(int code, String message) {
    int status = ErrorCode.statusOf(code);
    ErrorCode kind = switch (status) {
      case 404 -> ErrorCode.NOT_FOUND;
      case 409 -> ErrorCode.ILLEGAL_STATE;
      case 422 -> ErrorCode.UNPROCESSABLE_ENTITY;
      case 503 -> ErrorCode.SERVICE_UNAVAILABLE;
      default -> ErrorCode.INTERNAL;
    };
    return new TributaryException(kind, code, message);
  }
}
