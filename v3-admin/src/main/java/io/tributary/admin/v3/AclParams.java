package io.tributary.admin.v3;

import io.tributary.core.admin.AclEntry;
import io.tributary.core.error.ErrorCode;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads and checks the seven parts of an ACL (reference §4.2): from query parameters for search and delete, from a
 * JSON body for create. Enum values are Kafka's names, accepted in any case; every rule breach is a 400 that names
 * the part.
 */
final class AclParams {
  static final List<String> RESOURCE_TYPES = List.of("UNKNOWN", "ANY", "TOPIC", "GROUP", "CLUSTER",
      "TRANSACTIONAL_ID", "DELEGATION_TOKEN");
  static final List<String> PATTERN_TYPES = List.of("UNKNOWN", "ANY", "MATCH", "LITERAL", "PREFIXED");
  static final List<String> OPERATIONS = List.of("UNKNOWN", "ANY", "ALL", "READ", "WRITE", "CREATE", "DELETE",
      "ALTER", "DESCRIBE", "CLUSTER_ACTION", "DESCRIBE_CONFIGS", "ALTER_CONFIGS", "IDEMPOTENT_WRITE");
  static final List<String> PERMISSIONS = List.of("UNKNOWN", "ANY", "DENY", "ALLOW");
  static final Set<String> FIELDS = Set.of("resource_type", "resource_name", "pattern_type", "principal", "host",
      "operation", "permission");

  private AclParams() {}

  /** A search filter: every part optional; enums default to ANY, strings to "anything"; UNKNOWN is refused. */
  static AclEntry searchFilter(Function<String, String> query) {
    return new AclEntry(
        filterEnum(query, "resource_type", RESOURCE_TYPES),
        emptyIsAny(query.apply("resource_name")),
        filterEnum(query, "pattern_type", PATTERN_TYPES),
        emptyIsAny(query.apply("principal")),
        emptyIsAny(query.apply("host")),
        filterEnum(query, "operation", OPERATIONS),
        filterEnum(query, "permission", PERMISSIONS));
  }

  /** A delete filter: as a search, but the four enums must be given (so a bare DELETE cannot wipe every ACL). */
  static AclEntry deleteFilter(Function<String, String> query) {
    for (String required : List.of("resource_type", "pattern_type", "operation", "permission")) {
      String value = query.apply(required);
      if (value == null || value.isEmpty() || "UNKNOWN".equalsIgnoreCase(value)) {
        throw ErrorCode.BAD_REQUEST.toException(required + " cannot be unspecified or UNKNOWN");
      }
    }
    return searchFilter(query);
  }

  /** A concrete ACL to create: every part required, no wildcard enum values. */
  static AclEntry acl(V3Body body) {
    String resourceType = concrete(body, "resource_type", RESOURCE_TYPES, Set.of("UNKNOWN", "ANY"));
    String patternType = concrete(body, "pattern_type", PATTERN_TYPES, Set.of("UNKNOWN", "ANY", "MATCH"));
    return new AclEntry(resourceType, body.requiredString("resource_name"), patternType,
        body.requiredString("principal"), body.requiredString("host"),
        concrete(body, "operation", OPERATIONS, Set.of("UNKNOWN", "ANY")),
        concrete(body, "permission", PERMISSIONS, Set.of("UNKNOWN", "ANY")));
  }

  private static String filterEnum(Function<String, String> query, String name, List<String> allowed) {
    String raw = query.apply(name);
    String value = raw == null || raw.isEmpty() ? "ANY" : known(name, raw, allowed);
    if (value.equals("UNKNOWN")) {
      throw ErrorCode.BAD_REQUEST.toException(name + " cannot be UNKNOWN");
    }
    return value;
  }

  private static String concrete(V3Body body, String name, List<String> allowed, Set<String> refused) {
    String value = known(name, body.requiredString(name), allowed);
    if (refused.contains(value)) {
      throw ErrorCode.BAD_REQUEST.toException(name + " cannot be " + value);
    }
    return value;
  }

  private static String known(String name, String raw, List<String> allowed) {
    String value = raw.trim().toUpperCase(Locale.ROOT);
    if (!allowed.contains(value)) {
      throw ErrorCode.BAD_REQUEST.toException(name + " must be one of " + allowed + ", not '" + raw + "'");
    }
    return value;
  }

  private static String emptyIsAny(String value) {
    return value == null || value.isEmpty() ? null : value;
  }
}
