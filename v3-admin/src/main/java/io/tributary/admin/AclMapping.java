package io.tributary.admin;

import io.tributary.core.admin.AclEntry;
import java.util.Comparator;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AccessControlEntryFilter;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclBindingFilter;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourcePatternFilter;
import org.apache.kafka.common.resource.ResourceType;

/**
 * Between {@link AclEntry} and Kafka's ACL types. Names are Kafka's enum names; the routes have checked them, and a
 * name Kafka does not know becomes its UNKNOWN value, which Kafka itself then refuses.
 */
final class AclMapping {
  /** The order ACL listings are answered in. */
  static final Comparator<AclEntry> ORDER = Comparator.comparing(AclEntry::resourceType)
      .thenComparing(AclEntry::resourceName)
      .thenComparing(AclEntry::patternType)
      .thenComparing(AclEntry::principal)
      .thenComparing(AclEntry::host)
      .thenComparing(AclEntry::operation)
      .thenComparing(AclEntry::permission);

  private AclMapping() {}

  static AclBinding binding(AclEntry e) {
    return new AclBinding(
        new ResourcePattern(ResourceType.fromString(e.resourceType()), e.resourceName(),
            PatternType.fromString(e.patternType())),
        new AccessControlEntry(e.principal(), e.host(), AclOperation.fromString(e.operation()),
            AclPermissionType.fromString(e.permission())));
  }

  static AclBindingFilter filter(AclEntry e) {
    return new AclBindingFilter(
        new ResourcePatternFilter(ResourceType.fromString(e.resourceType()), e.resourceName(),
            PatternType.fromString(e.patternType())),
        new AccessControlEntryFilter(e.principal(), e.host(), AclOperation.fromString(e.operation()),
            AclPermissionType.fromString(e.permission())));
  }

  static AclEntry entry(AclBinding b) {
    return new AclEntry(b.pattern().resourceType().name(), b.pattern().name(), b.pattern().patternType().name(),
        b.entry().principal(), b.entry().host(), b.entry().operation().name(), b.entry().permissionType().name());
  }
}
