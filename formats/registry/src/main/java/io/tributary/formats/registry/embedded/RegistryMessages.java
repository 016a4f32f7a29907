package io.tributary.formats.registry.embedded;

import io.tributary.core.bus.BusMessage;
import io.tributary.formats.registry.RegisteredSchema;
import io.tributary.formats.registry.SubjectVersion;
import io.tributary.formats.schema.SchemaReference;
import java.util.List;
import java.util.Map;

/**
 * The embedded registry's bus contract: one request record per {@link RegistryOps operation} and the reply
 * records. Schema types travel as the request gave them ({@code schemaType}, null meaning AVRO) so that the store
 * answers an unknown type with the registry's own error.
 */
public final class RegistryMessages {
  private RegistryMessages() {}

  /** The version argument of a path: a number, or {@link #LATEST}. */
  public static final int LATEST = -1;

  // ---- requests

  /**
   * {@code POST /subjects/{s}/versions}; {@code id} and {@code version} are the ones an import keeps (null when the
   * request gives none; only IMPORT mode accepts them); {@code references} the schema references (empty: none).
   * {@code normalize}: the {@code normalize} query parameter (false also when absent: the subject's or global
   * {@code normalize} config then decides).
   */
  public record Register(String subject, String schemaType, String schema, List<SchemaReference> references,
      Integer id, Integer version, SchemaExtras extras, boolean normalize) implements BusMessage {
    public Register(String subject, String schemaType, String schema) {
      this(subject, schemaType, schema, List.of(), null, null, SchemaExtras.NONE, false);
    }

    public Register {
      extras = extras == null ? SchemaExtras.NONE : extras;
      references = references == null ? List.of() : List.copyOf(references);
    }

    boolean explicitIdOrVersion() {
      return id != null || version != null;
    }
  }

  /**
   * {@code POST /subjects/{s}}; {@code format} is the answer's schema format (null: the stored text),
   * {@code normalize} as in {@link Register}.
   */
  public record Lookup(String subject, String schemaType, String schema, boolean includeDeleted, String format,
      SchemaExtras extras, boolean normalize, List<SchemaReference> references) implements BusMessage {
    public Lookup {
      extras = extras == null ? SchemaExtras.NONE : extras;
      references = references == null ? List.of() : List.copyOf(references);
    }
  }

  /** {@code GET /schemas/ids/{id}}; {@code format} as in {@link Lookup}. */
  public record GetSchema(int id, String format) implements BusMessage {
    public GetSchema(int id) {
      this(id, null);
    }
  }

  /** {@code GET /schemas/ids/{id}/versions} and {@code …/subjects}. */
  public record GetSchemaUsages(int id, boolean includeDeleted) implements BusMessage {}

  /** {@code GET /subjects}; {@code deletedOnly} lists only soft-deleted subjects (it wins over {@code deleted}). */
  public record ListSubjects(String prefix, boolean includeDeleted, boolean deletedOnly) implements BusMessage {}

  /**
   * {@code GET /subjects/{s}/versions}; {@code deletedOnly} lists only soft-deleted versions,
   * {@code deletedAsNegative} every version with the soft-deleted ones negated (it wins over {@code deletedOnly}).
   */
  public record ListVersions(String subject, boolean includeDeleted, boolean deletedOnly, boolean deletedAsNegative)
      implements BusMessage {
    public ListVersions(String subject, boolean includeDeleted, boolean deletedOnly) {
      this(subject, includeDeleted, deletedOnly, false);
    }
  }

  /**
   * {@code GET /schemas}: versions by subject then version, the latest of each subject only if asked, then
   * {@code offset} skipped and at most {@code limit} (negative: no limit) returned.
   */
  public record ListSchemas(String prefix, boolean includeDeleted, boolean latestOnly, int offset, int limit)
      implements BusMessage {}

  /** {@code GET /subjects/{s}/versions/{v}}; {@code format} as in {@link Lookup}. */
  public record GetVersion(String subject, int version, boolean includeDeleted, String format)
      implements BusMessage {
    public GetVersion(String subject, int version, boolean includeDeleted) {
      this(subject, version, includeDeleted, null);
    }
  }

  /** {@code DELETE /subjects/{s}}. */
  public record DeleteSubject(String subject, boolean permanent) implements BusMessage {}

  /** {@code DELETE /subjects/{s}/versions/{v}}. */
  public record DeleteVersion(String subject, int version, boolean permanent) implements BusMessage {}

  /** {@code GET /config[/{s}]}; {@code subject} null means the global setting. */
  public record GetConfig(String subject, boolean defaultToGlobal) implements BusMessage {}

  /**
   * {@code PUT /config[/{s}]}: either field may be null (left as it is), as Confluent's registry merges a config
   * update into the existing config.
   */
  public record PutConfig(String subject, String level, Boolean normalize) implements BusMessage {
    public PutConfig(String subject, String level) {
      this(subject, level, null);
    }
  }

  /** {@code DELETE /config[/{s}]}. */
  public record DeleteConfig(String subject) implements BusMessage {}

  /** {@code GET /mode[/{s}]}; {@code subject} null means the global mode. */
  public record GetMode(String subject, boolean defaultToGlobal) implements BusMessage {}

  /** {@code PUT /mode[/{s}]}; {@code force} skips the emptiness check of a switch to IMPORT. */
  public record PutMode(String subject, String mode, boolean force) implements BusMessage {}

  /** {@code DELETE /mode[/{s}]}. */
  public record DeleteMode(String subject) implements BusMessage {}

  /**
   * {@code POST /compatibility/subjects/{s}/versions[/{v}]}; {@code version} null checks against the versions the
   * subject's level names; {@code normalize} as in {@link Register}.
   */
  public record CheckCompatibility(String subject, Integer version, String schemaType, String schema,
      List<SchemaReference> references, boolean normalize) implements BusMessage {
    public CheckCompatibility {
      references = references == null ? List.of() : List.copyOf(references);
    }
  }

  /**
   * {@code GET /subjects/{s}/metadata}: the latest version whose {@code metadata.properties} hold every one of
   * {@code properties}; {@code format} as in {@link Lookup}.
   */
  public record GetLatestWithMetadata(String subject, Map<String, String> properties, boolean includeDeleted,
      String format) implements BusMessage {
    public GetLatestWithMetadata {
      properties = Map.copyOf(properties);
    }
  }

  /** {@code GET /subjects/{s}/versions/{v}/referencedby}. */
  public record GetReferencedBy(String subject, int version) implements BusMessage {}

  // ---- replies

  public record Registered(int id, int version) implements BusMessage {}

  /** A version and its metadata and rule set (returned unchanged). */
  public record Version(SubjectVersion version, SchemaExtras extras) implements BusMessage {
    public Version(SubjectVersion version) {
      this(version, SchemaExtras.NONE);
    }
  }

  public record Schema(RegisteredSchema schema, SchemaExtras extras) implements BusMessage {
    public Schema(RegisteredSchema schema) {
      this(schema, SchemaExtras.NONE);
    }
  }

  public record VersionsList(List<Version> versions) implements BusMessage {
    public VersionsList {
      versions = List.copyOf(versions);
    }
  }

  public record SubjectVersions(List<SubjectVersionRef> usages) implements BusMessage {
    public SubjectVersions {
      usages = List.copyOf(usages);
    }
  }

  public record SubjectVersionRef(String subject, int version) {}

  public record SubjectList(List<String> names) implements BusMessage {
    public SubjectList {
      names = List.copyOf(names);
    }
  }

  public record VersionList(List<Integer> numbers) implements BusMessage {
    public VersionList {
      numbers = List.copyOf(numbers);
    }
  }

  public record DeletedVersion(int value) implements BusMessage {}

  /** Schema ids, ascending ({@code referencedby}). */
  public record SchemaIds(List<Integer> ids) implements BusMessage {
    public SchemaIds {
      ids = List.copyOf(ids);
    }
  }

  /**
   * A config: the compatibility level and the {@code normalize} setting, each null when not set (a subject's
   * config may hold only one of them).
   */
  public record Level(String level, Boolean normalize) implements BusMessage {}

  public record Mode(String mode) implements BusMessage {}

  public record Compatibility(boolean compatible, List<String> messages) implements BusMessage {
    public Compatibility {
      messages = List.copyOf(messages);
    }
  }
}
