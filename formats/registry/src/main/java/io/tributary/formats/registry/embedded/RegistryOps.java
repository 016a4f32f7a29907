package io.tributary.formats.registry.embedded;

import io.tributary.core.bus.BusOperation;
import io.tributary.formats.registry.embedded.RegistryMessages.CheckCompatibility;
import io.tributary.formats.registry.embedded.RegistryMessages.Compatibility;
import io.tributary.formats.registry.embedded.RegistryMessages.DeleteConfig;
import io.tributary.formats.registry.embedded.RegistryMessages.DeleteMode;
import io.tributary.formats.registry.embedded.RegistryMessages.DeleteSubject;
import io.tributary.formats.registry.embedded.RegistryMessages.DeleteVersion;
import io.tributary.formats.registry.embedded.RegistryMessages.DeletedVersion;
import io.tributary.formats.registry.embedded.RegistryMessages.GetConfig;
import io.tributary.formats.registry.embedded.RegistryMessages.GetLatestWithMetadata;
import io.tributary.formats.registry.embedded.RegistryMessages.GetMode;
import io.tributary.formats.registry.embedded.RegistryMessages.GetReferencedBy;
import io.tributary.formats.registry.embedded.RegistryMessages.GetSchema;
import io.tributary.formats.registry.embedded.RegistryMessages.GetSchemaUsages;
import io.tributary.formats.registry.embedded.RegistryMessages.GetVersion;
import io.tributary.formats.registry.embedded.RegistryMessages.Level;
import io.tributary.formats.registry.embedded.RegistryMessages.ListSchemas;
import io.tributary.formats.registry.embedded.RegistryMessages.ListSubjects;
import io.tributary.formats.registry.embedded.RegistryMessages.ListVersions;
import io.tributary.formats.registry.embedded.RegistryMessages.Lookup;
import io.tributary.formats.registry.embedded.RegistryMessages.Mode;
import io.tributary.formats.registry.embedded.RegistryMessages.PutConfig;
import io.tributary.formats.registry.embedded.RegistryMessages.PutMode;
import io.tributary.formats.registry.embedded.RegistryMessages.Register;
import io.tributary.formats.registry.embedded.RegistryMessages.Registered;
import io.tributary.formats.registry.embedded.RegistryMessages.Schema;
import io.tributary.formats.registry.embedded.RegistryMessages.SchemaIds;
import io.tributary.formats.registry.embedded.RegistryMessages.SubjectList;
import io.tributary.formats.registry.embedded.RegistryMessages.SubjectVersions;
import io.tributary.formats.registry.embedded.RegistryMessages.Version;
import io.tributary.formats.registry.embedded.RegistryMessages.VersionList;
import io.tributary.formats.registry.embedded.RegistryMessages.VersionsList;

/**
 * The embedded registry's operations, one per store operation. They live next to their messages (which carry this
 * module's schema types) rather than in {@code core}: the registry's HTTP routes and
 * {@link io.tributary.formats.registry.client.EmbeddedSchemaRegistryClient} are the only senders; everything else
 * reaches a registry through {@link io.tributary.formats.registry.SchemaRegistryClient}.
 */
public final class RegistryOps {
  private RegistryOps() {}

  private static final String PREFIX = "tributary.registry.";

  public static final BusOperation<Register, Registered> REGISTER =
      BusOperation.of(PREFIX + "register", Register.class, Registered.class);
  public static final BusOperation<Lookup, Version> LOOKUP =
      BusOperation.of(PREFIX + "lookup", Lookup.class, Version.class);
  public static final BusOperation<GetSchema, Schema> SCHEMA_BY_ID =
      BusOperation.of(PREFIX + "schemas.get", GetSchema.class, Schema.class);
  public static final BusOperation<ListSchemas, VersionsList> SCHEMAS_LIST =
      BusOperation.of(PREFIX + "schemas.list", ListSchemas.class, VersionsList.class);
  public static final BusOperation<GetSchemaUsages, SubjectVersions> SCHEMA_USAGES =
      BusOperation.of(PREFIX + "schemas.usages", GetSchemaUsages.class, SubjectVersions.class);
  public static final BusOperation<ListSubjects, SubjectList> SUBJECTS_LIST =
      BusOperation.of(PREFIX + "subjects.list", ListSubjects.class, SubjectList.class);
  public static final BusOperation<ListVersions, VersionList> VERSIONS_LIST =
      BusOperation.of(PREFIX + "versions.list", ListVersions.class, VersionList.class);
  public static final BusOperation<GetVersion, Version> VERSION_GET =
      BusOperation.of(PREFIX + "versions.get", GetVersion.class, Version.class);
  public static final BusOperation<DeleteSubject, VersionList> SUBJECT_DELETE =
      BusOperation.of(PREFIX + "subjects.delete", DeleteSubject.class, VersionList.class);
  public static final BusOperation<DeleteVersion, DeletedVersion> VERSION_DELETE =
      BusOperation.of(PREFIX + "versions.delete", DeleteVersion.class, DeletedVersion.class);
  public static final BusOperation<GetConfig, Level> CONFIG_GET =
      BusOperation.of(PREFIX + "config.get", GetConfig.class, Level.class);
  public static final BusOperation<PutConfig, Level> CONFIG_PUT =
      BusOperation.of(PREFIX + "config.put", PutConfig.class, Level.class);
  public static final BusOperation<DeleteConfig, Level> CONFIG_DELETE =
      BusOperation.of(PREFIX + "config.delete", DeleteConfig.class, Level.class);
  public static final BusOperation<GetMode, Mode> MODE_GET =
      BusOperation.of(PREFIX + "mode.get", GetMode.class, Mode.class);
  public static final BusOperation<PutMode, Mode> MODE_PUT =
      BusOperation.of(PREFIX + "mode.put", PutMode.class, Mode.class);
  public static final BusOperation<DeleteMode, Mode> MODE_DELETE =
      BusOperation.of(PREFIX + "mode.delete", DeleteMode.class, Mode.class);
  public static final BusOperation<CheckCompatibility, Compatibility> COMPATIBILITY_CHECK =
      BusOperation.of(PREFIX + "compatibility.check", CheckCompatibility.class, Compatibility.class);
  public static final BusOperation<GetLatestWithMetadata, Version> LATEST_WITH_METADATA =
      BusOperation.of(PREFIX + "versions.latest-with-metadata", GetLatestWithMetadata.class, Version.class);
  public static final BusOperation<GetReferencedBy, SchemaIds> REFERENCED_BY =
      BusOperation.of(PREFIX + "versions.referencedby", GetReferencedBy.class, SchemaIds.class);
}
