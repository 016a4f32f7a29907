package io.tributary.formats.registry.embedded;

/**
 * Event-bus addresses of the embedded registry's store, one per operation. They are private to this module: the
 * registry's HTTP routes and {@link io.tributary.formats.registry.client.EmbeddedSchemaRegistryClient} are the only
 * senders; everything else reaches a registry through {@link io.tributary.formats.registry.SchemaRegistryClient}.
 */
public final class RegistryAddresses {
  private RegistryAddresses() {}

  private static final String PREFIX = "tributary.registry.";
  public static final String REGISTER = PREFIX + "register";
  public static final String LOOKUP = PREFIX + "lookup";
  public static final String SCHEMA_BY_ID = PREFIX + "schemas.get";
  public static final String SCHEMAS_LIST = PREFIX + "schemas.list";
  public static final String SCHEMA_USAGES = PREFIX + "schemas.usages";
  public static final String SUBJECTS_LIST = PREFIX + "subjects.list";
  public static final String VERSIONS_LIST = PREFIX + "versions.list";
  public static final String VERSION_GET = PREFIX + "versions.get";
  public static final String SUBJECT_DELETE = PREFIX + "subjects.delete";
  public static final String VERSION_DELETE = PREFIX + "versions.delete";
  public static final String CONFIG_GET = PREFIX + "config.get";
  public static final String CONFIG_PUT = PREFIX + "config.put";
  public static final String CONFIG_DELETE = PREFIX + "config.delete";
  public static final String MODE_GET = PREFIX + "mode.get";
  public static final String MODE_PUT = PREFIX + "mode.put";
  public static final String MODE_DELETE = PREFIX + "mode.delete";
  public static final String COMPATIBILITY_CHECK = PREFIX + "compatibility.check";
  public static final String REFERENCED_BY = PREFIX + "versions.referencedby";
}
