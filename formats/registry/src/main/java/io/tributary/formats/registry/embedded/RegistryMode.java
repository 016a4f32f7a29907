package io.tributary.formats.registry.embedded;

import io.tributary.core.EnumNames;
import java.util.Optional;

/**
 * A registry mode, global or per subject, with Confluent's rules: which writes each mode allows. The mode in force
 * for a subject is its own, else the global one, else {@link #READWRITE}; a global {@link #READONLY_OVERRIDE} wins
 * over every subject's own mode.
 */
public enum RegistryMode {
  READWRITE,
  READONLY,
  READONLY_OVERRIDE,
  IMPORT;

  /** The mode a name denotes (any case), if any. */
  public static Optional<RegistryMode> parse(String name) {
    return EnumNames.parse(RegistryMode.class, name == null ? null : name.trim());
  }

  /** The mode in force for a subject given its own mode and the global one (either may be absent). */
  static RegistryMode inScope(Optional<RegistryMode> subjectMode, Optional<RegistryMode> globalMode) {
    if (globalMode.orElse(READWRITE) == READONLY_OVERRIDE) {
      return READONLY_OVERRIDE;
    }
    return subjectMode.or(() -> globalMode).orElse(READWRITE);
  }

  boolean readOnly() {
    return this == READONLY || this == READONLY_OVERRIDE;
  }

  /**
   * Refuses a registration this mode does not allow: none in a read-only mode; one that carries its own id or
   * version only in IMPORT; one without them only in READWRITE (an import must say which id it keeps).
   */
  void checkRegistration(String subject, boolean explicitIdOrVersion) {
    checkWritable(subject);
    if (explicitIdOrVersion && this != IMPORT) {
      throw RegistryErrors.operationNotPermitted("Subject " + subject + " is not in import mode: a schema id or"
          + " version can only be given in IMPORT mode");
    }
    if (!explicitIdOrVersion && this != READWRITE) {
      throw RegistryErrors.operationNotPermitted("Subject " + subject + " is not in read-write mode: in IMPORT"
          + " mode a registration must give the id (or version) it keeps");
    }
  }

  /** Refuses deletes (and registrations) in a read-only mode. */
  void checkWritable(String subject) {
    if (readOnly()) {
      throw RegistryErrors.operationNotPermitted("Subject " + subject + " is in read-only mode");
    }
  }
}
