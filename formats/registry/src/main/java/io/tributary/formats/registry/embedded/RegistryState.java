package io.tributary.formats.registry.embedded;

import io.tributary.formats.schema.CompatibilityLevel;
import io.tributary.formats.schema.SchemaReference;
import io.tributary.formats.schema.SchemaType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What the {@code _schemas} topic says, folded into maps: every version of every subject, schemas by id and by
 * content, compatibility settings. Changed only by applying topic records, read and written only on the store's own
 * thread.
 */
final class RegistryState {
  /**
   * A schema's identity for id reuse: its type, canonical text, metadata, rule set and schema references (the same
   * text with other references is another schema, as in Confluent's registry).
   */
  private record Content(SchemaType type, String schema, SchemaExtras extras, List<SchemaReference> references) {}

  /** A reference's version that means "the latest". */
  static final int LATEST_REFERENCE = -1;

  private final Map<String, NavigableMap<Integer, StoredSchema>> subjects = new HashMap<>();
  private final Map<Integer, StoredSchema> anyVersionById = new HashMap<>();
  private final Map<Integer, Integer> versionsPerId = new HashMap<>();
  private final Map<Content, Integer> idByContent = new HashMap<>();
  private final Map<String, CompatibilityLevel> subjectLevels = new HashMap<>();
  private CompatibilityLevel globalLevel;
  private final Map<String, RegistryMode> subjectModes = new HashMap<>();
  private RegistryMode globalMode;
  private int maxId;

  // ---- changes (from topic records only)

  void put(StoredSchema schema) {
    remove(schema.subject(), schema.version());
    subjects.computeIfAbsent(schema.subject(), s -> new TreeMap<>()).put(schema.version(), schema);
    anyVersionById.put(schema.id(), schema);
    versionsPerId.merge(schema.id(), 1, Integer::sum);
    idByContent.put(new Content(schema.type(), schema.schema(), schema.extras(), schema.references()),
        schema.id());
    maxId = Math.max(maxId, schema.id());
  }

  void remove(String subject, int version) {
    NavigableMap<Integer, StoredSchema> versions = subjects.get(subject);
    StoredSchema old = versions == null ? null : versions.remove(version);
    if (old == null) {
      return;
    }
    if (versions.isEmpty()) {
      subjects.remove(subject);
    }
    int left = versionsPerId.merge(old.id(), -1, Integer::sum);
    if (left <= 0) {
      versionsPerId.remove(old.id());
      anyVersionById.remove(old.id());
      idByContent.remove(new Content(old.type(), old.schema(), old.extras(), old.references()));
    } else if (anyVersionById.get(old.id()) == old) {
      anyVersionById.put(old.id(), usages(old.id(), true).get(0));
    }
  }

  /** A Confluent {@code DELETE_SUBJECT} record: every version up to {@code version} is soft-deleted. */
  void softDeleteUpTo(String subject, int version) {
    for (StoredSchema s : versions(subject, false)) {
      if (s.version() <= version) {
        put(s.asDeleted());
      }
    }
  }

  void setConfig(String subject, CompatibilityLevel level) {
    if (subject == null) {
      globalLevel = level;
    } else {
      subjectLevels.put(subject, level);
    }
  }

  void removeConfig(String subject) {
    if (subject == null) {
      globalLevel = null;
    } else {
      subjectLevels.remove(subject);
    }
  }

  /** Sets the subject's mode, or the global one when {@code subject} is null; a null mode removes it. */
  void setMode(String subject, RegistryMode mode) {
    if (subject == null) {
      globalMode = mode;
    } else if (mode == null) {
      subjectModes.remove(subject);
    } else {
      subjectModes.put(subject, mode);
    }
  }

  // ---- queries

  Optional<RegistryMode> subjectMode(String subject) {
    return Optional.ofNullable(subjectModes.get(subject));
  }

  Optional<RegistryMode> globalMode() {
    return Optional.ofNullable(globalMode);
  }

  /** The mode in force for the subject (see {@link RegistryMode#inScope}). */
  RegistryMode modeInScope(String subject) {
    return RegistryMode.inScope(subjectMode(subject), globalMode());
  }

  /** The subject's versions, oldest first; soft-deleted ones only when asked for. */
  List<StoredSchema> versions(String subject, boolean includeDeleted) {
    NavigableMap<Integer, StoredSchema> versions = subjects.get(subject);
    if (versions == null) {
      return List.of();
    }
    return versions.values().stream().filter(s -> includeDeleted || !s.deleted()).toList();
  }

  Optional<StoredSchema> version(String subject, int version) {
    NavigableMap<Integer, StoredSchema> versions = subjects.get(subject);
    return Optional.ofNullable(versions == null ? null : versions.get(version));
  }

  /** The highest version number the subject has used, soft-deleted versions included; 0 when none. */
  int maxVersion(String subject) {
    NavigableMap<Integer, StoredSchema> versions = subjects.get(subject);
    return versions == null || versions.isEmpty() ? 0 : versions.lastKey();
  }

  /** Subjects whose versions are all soft-deleted (a soft-deleted subject). */
  List<String> softDeletedSubjects() {
    List<String> names = new ArrayList<>();
    subjects.forEach((name, versions) -> {
      if (versions.values().stream().allMatch(StoredSchema::deleted)) {
        names.add(name);
      }
    });
    names.sort(null);
    return names;
  }

  List<String> subjects(boolean includeDeleted) {
    List<String> names = new ArrayList<>();
    subjects.forEach((name, versions) -> {
      if (includeDeleted || versions.values().stream().anyMatch(s -> !s.deleted())) {
        names.add(name);
      }
    });
    names.sort(null);
    return names;
  }

  /** Some version carrying this id (any one: they share type and text). */
  Optional<StoredSchema> byId(int id) {
    return Optional.ofNullable(anyVersionById.get(id));
  }

  /** One version of every schema id. */
  List<StoredSchema> schemas() {
    return List.copyOf(anyVersionById.values());
  }

  Optional<Integer> idOf(SchemaType type, String canonical, SchemaExtras extras) {
    return idOf(type, canonical, extras, List.of());
  }

  Optional<Integer> idOf(SchemaType type, String canonical, SchemaExtras extras, List<SchemaReference> references) {
    return Optional.ofNullable(idByContent.get(new Content(type, canonical, extras, references)));
  }

  /**
   * The ids of the live (not soft-deleted) versions whose schema references name this subject version, ascending:
   * while there are any, the version may not be deleted.
   */
  List<Integer> referencedBy(String subject, int version) {
    TreeSet<Integer> ids = new TreeSet<>();
    boolean latest = referencedVersion(subject, LATEST_REFERENCE).map(s -> s.version() == version).orElse(false);
    subjects.values().forEach(versions -> versions.values().forEach(s -> {
      if (!s.deleted() && s.references().stream().anyMatch(r -> r.subject().equals(subject)
          && (r.version() == version || (latest && r.version() == LATEST_REFERENCE)))) {
        ids.add(s.id());
      }
    }));
    return List.copyOf(ids);
  }

  /** Every version that carries the id, by subject then version. */
  List<StoredSchema> usages(int id, boolean includeDeleted) {
    List<StoredSchema> out = new ArrayList<>();
    subjects.keySet().stream().sorted().forEach(subject -> subjects.get(subject).values().forEach(s -> {
      if (s.id() == id && (includeDeleted || !s.deleted())) {
        out.add(s);
      }
    }));
    return out;
  }

  /**
   * The version a schema reference names: {@code -1} is the subject's latest live version (as in Confluent's
   * registry), any other number that version, soft-deleted or not (ids that use it still decode).
   */
  Optional<StoredSchema> referencedVersion(String subject, int version) {
    if (version == LATEST_REFERENCE) {
      List<StoredSchema> live = versions(subject, false);
      return live.isEmpty() ? Optional.empty() : Optional.of(live.get(live.size() - 1));
    }
    return version(subject, version);
  }

  int maxId() {
    return maxId;
  }

  Optional<CompatibilityLevel> subjectLevel(String subject) {
    return Optional.ofNullable(subjectLevels.get(subject));
  }

  Optional<CompatibilityLevel> globalLevel() {
    return Optional.ofNullable(globalLevel);
  }

  // ---- the normalize setting of configs (global and per subject), kept apart from the levels above

  private final Map<String, Boolean> subjectNormalize = new HashMap<>();
  private Boolean globalNormalize;

  /** Sets the subject's {@code normalize}, or the global one when {@code subject} is null; null removes it. */
  void setNormalize(String subject, Boolean normalize) {
    if (subject == null) {
      globalNormalize = normalize;
    } else if (normalize == null) {
      subjectNormalize.remove(subject);
    } else {
      subjectNormalize.put(subject, normalize);
    }
  }

  Optional<Boolean> subjectNormalize(String subject) {
    return Optional.ofNullable(subjectNormalize.get(subject));
  }

  Optional<Boolean> globalNormalize() {
    return Optional.ofNullable(globalNormalize);
  }

  /** Whether schemas of the subject are normalized when the request does not ask: its own setting, else the global. */
  boolean normalizeInScope(String subject) {
    return subjectNormalize(subject).or(this::globalNormalize).orElse(false);
  }
}
