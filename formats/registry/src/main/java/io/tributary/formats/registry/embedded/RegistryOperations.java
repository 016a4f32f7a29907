package io.tributary.formats.registry.embedded;

import io.tributary.formats.FormatException;
import io.tributary.formats.registry.embedded.RegistryMessages.CheckCompatibility;
import io.tributary.formats.registry.embedded.RegistryMessages.Compatibility;
import io.tributary.formats.registry.embedded.RegistryMessages.DeleteConfig;
import io.tributary.formats.registry.embedded.RegistryMessages.DeleteSubject;
import io.tributary.formats.registry.embedded.RegistryMessages.DeleteVersion;
import io.tributary.formats.registry.embedded.RegistryMessages.GetConfig;
import io.tributary.formats.registry.embedded.RegistryMessages.GetLatestWithMetadata;
import io.tributary.formats.registry.embedded.RegistryMessages.GetSchema;
import io.tributary.formats.registry.embedded.RegistryMessages.GetSchemaUsages;
import io.tributary.formats.registry.embedded.RegistryMessages.GetReferencedBy;
import io.tributary.formats.registry.embedded.RegistryMessages.GetVersion;
import io.tributary.formats.registry.embedded.RegistryMessages.SchemaIds;
import io.tributary.formats.registry.embedded.RegistryMessages.DeleteMode;
import io.tributary.formats.registry.embedded.RegistryMessages.GetMode;
import io.tributary.formats.registry.embedded.RegistryMessages.Level;
import io.tributary.formats.registry.embedded.RegistryMessages.Mode;
import io.tributary.formats.registry.embedded.RegistryMessages.PutMode;
import io.tributary.formats.registry.embedded.RegistryMessages.ListSchemas;
import io.tributary.formats.registry.embedded.RegistryMessages.ListSubjects;
import io.tributary.formats.registry.embedded.RegistryMessages.VersionsList;
import io.tributary.formats.registry.embedded.RegistryMessages.ListVersions;
import io.tributary.formats.registry.embedded.RegistryMessages.Lookup;
import io.tributary.formats.registry.embedded.RegistryMessages.SubjectList;
import io.tributary.formats.registry.embedded.RegistryMessages.DeletedVersion;
import io.tributary.formats.registry.embedded.RegistryMessages.VersionList;
import io.tributary.formats.registry.embedded.RegistryMessages.PutConfig;
import io.tributary.formats.registry.embedded.RegistryMessages.Register;
import io.tributary.formats.registry.embedded.RegistryMessages.Registered;
import io.tributary.formats.registry.embedded.RegistryMessages.Schema;
import io.tributary.formats.registry.embedded.RegistryMessages.SubjectVersionRef;
import io.tributary.formats.registry.embedded.RegistryMessages.SubjectVersions;
import io.tributary.formats.registry.embedded.RegistryMessages.Version;
import io.tributary.formats.registry.embedded.SchemaStore.Decision;
import io.tributary.formats.schema.CompatibilityLevel;
import io.tributary.formats.schema.ParsedSchema;
import io.tributary.formats.schema.SchemaFormat;
import io.tributary.formats.schema.ResolvedReference;
import io.tributary.formats.schema.SchemaFormats;
import io.tributary.formats.schema.SchemaReference;
import io.tributary.formats.schema.SchemaType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * The registry's semantics (reference §3.2–3.5) on top of the {@link SchemaStore}: registration with id reuse and
 * compatibility checks, look-ups, soft and hard deletes, compatibility settings. Parsing and checking run on the
 * store's thread, never on an event loop.
 */
final class RegistryOperations {
  private final SchemaStore store;
  private final SchemaFormats formats;
  private final CompatibilityLevel defaultLevel;
  /** Parsed stored schemas by id, for compatibility checks; touched only on the store's thread. */
  private final Map<Integer, ParsedSchema> parsedById = new HashMap<>();
  /** Stored schemas' normalized canonical texts by id ("" when one cannot be normalized); store thread only. */
  private final Map<Integer, String> normalizedById = new HashMap<>();

  RegistryOperations(SchemaStore store, SchemaFormats formats, CompatibilityLevel defaultLevel) {
    this.store = store;
    this.formats = formats;
    this.defaultLevel = defaultLevel;
  }

  CompletableFuture<Registered> register(Register r) {
    return store.submit(() -> {
      // Without references the text parses alone, once; with them it parses against the state each attempt sees.
      ParsedSchema alone = r.references().isEmpty() ? parse(r.schemaType(), r.schema(), List.of()) : null;
      return store.write(state -> {
        ParsedSchema candidate = alone != null ? alone : parse(r.schemaType(), r.schema(), r.references());
        state.modeInScope(r.subject()).checkRegistration(r.subject(), r.explicitIdOrVersion());
        boolean normalize = normalizing(state, r.subject(), r.normalize());
        ParsedSchema compared = normalize ? normalized(candidate, r.references()) : candidate;
        return r.explicitIdOrVersion() ? decideImport(state, r, compared, normalize)
            : decideRegistration(state, r.subject(), compared, r.extras(), r.references(), normalize);
      });
    });
  }

  /**
   * An imported version keeps the id and version it was given (either may be left out: the same schema's id or the
   * next one, the next version). No compatibility check, as the source registry already made it. Importing the same
   * schema again under the same id and version is a no-op; an id or version that holds another schema is refused.
   */
  private Decision<Registered> decideImport(RegistryState state, Register r, ParsedSchema candidate,
      boolean normalize) {
    String subject = r.subject();
    SchemaExtras extras = r.extras();
    List<SchemaReference> references = r.references();
    for (StoredSchema s : state.versions(subject, false)) {
      if (same(s, candidate, references, normalize) && extras.matches(s.extras())) {
        if ((r.id() == null || r.id() == s.id()) && (r.version() == null || r.version() == s.version())) {
          return Decision.unchanged(new Registered(s.id(), s.version()));
        }
        throw RegistryErrors.operationNotPermitted("Schema already registered in subject " + subject
            + " with id " + s.id() + " and version " + s.version() + ", not with the given id "
            + (r.id() == null ? "(none)" : r.id()) + " and version " + (r.version() == null ? "(none)" : r.version()));
      }
    }
    Optional<StoredSchema> holder = r.id() == null ? existing(state, candidate, extras, references)
        : state.byId(r.id());
    if (r.id() != null && holder.isPresent()
        && !(same(holder.get(), candidate, references) && holder.get().extras().equals(extras))) {
      throw RegistryErrors.operationNotPermitted("Overwrite new schema with id " + r.id() + " is not permitted: id "
          + r.id() + " already belongs to another schema");
    }
    int id = r.id() != null ? r.id() : holder.map(StoredSchema::id).orElse(state.maxId() + 1);
    int version = r.version() != null ? r.version() : state.maxVersion(subject) + 1;
    Optional<StoredSchema> taken = state.version(subject, version);
    if (taken.isPresent()) {
      throw RegistryErrors.operationNotPermitted("Overwrite new schema with version " + version + " is not"
          + " permitted: subject " + subject + " already has a version " + version
          + (taken.get().deleted() ? " (soft-deleted)" : "") + " with another schema");
    }
    // An id has one text: another form of a known schema (a Protobuf descriptor) is stored as the known text.
    String canonical = holder.map(StoredSchema::schema).orElse(candidate.canonical());
    return new Decision<>(List.of(schemaRecord(new StoredSchema(subject, version, id, candidate.type(), canonical,
        false, extras, references))), new Registered(id, version));
  }

  private Decision<Registered> decideRegistration(RegistryState state, String subject, ParsedSchema candidate,
      SchemaExtras extras, List<SchemaReference> references, boolean normalize) {
    for (StoredSchema s : state.versions(subject, false)) {
      if (same(s, candidate, references, normalize) && extras.matches(s.extras())) {
        return Decision.unchanged(new Registered(s.id(), s.version()));
      }
    }
    List<StoredSchema> live = state.versions(subject, false);
    List<String> problems = format(candidate.type())
        .compatibilityProblems(candidate, parsed(live), level(state, subject));
    if (!problems.isEmpty()) {
      throw RegistryErrors.incompatible(subject, problems);
    }
    // The same schema keeps its id in every subject; a new one gets the next id after every id in the topic.
    Optional<StoredSchema> existing = existing(state, candidate, extras, references);
    int id = existing.map(StoredSchema::id).orElse(state.maxId() + 1);
    // An id has one text: another form of a known schema (a Protobuf descriptor) is stored as the known text.
    String canonical = existing.map(StoredSchema::schema).orElse(candidate.canonical());
    int version = state.maxVersion(subject) + 1;
    List<ProducerRecord<byte[], byte[]>> records = new ArrayList<>();
    records.add(schemaRecord(new StoredSchema(subject, version, id, candidate.type(), canonical, false, extras,
        references)));
    // Soft-deleted versions of this subject with the same schema are superseded by the new version.
    for (StoredSchema s : state.versions(subject, true)) {
      if (s.deleted() && s.id() == id) {
        records.add(tombstone(StoreRecords.schemaKey(subject, s.version())));
      }
    }
    return new Decision<>(records, new Registered(id, version));
  }

  CompletableFuture<Version> lookup(Lookup l) {
    return store.read(state -> {
      ParsedSchema parsed = parse(l.schemaType(), l.schema(), l.references());
      List<StoredSchema> versions = state.versions(l.subject(), l.includeDeleted());
      if (versions.isEmpty()) {
        throw RegistryErrors.subjectNotFound(l.subject());
      }
      boolean normalize = normalizing(state, l.subject(), l.normalize());
      ParsedSchema candidate = normalize ? normalized(parsed, l.references()) : parsed;
      for (StoredSchema s : versions) {
        if (same(s, candidate, l.references(), normalize) && l.extras().matches(s.extras())) {
          return answer(formatted(s, l.format()));
        }
      }
      throw RegistryErrors.schemaNotFound();
    });
  }

  CompletableFuture<Schema> schema(GetSchema g) {
    return store.read(state -> {
      StoredSchema s = formatted(state.byId(g.id()).orElseThrow(() -> RegistryErrors.schemaNotFound(g.id())),
          g.format());
      return new Schema(s.registered(), s.extras());
    });
  }

  CompletableFuture<SubjectVersions> usages(GetSchemaUsages g) {
    return store.read(state -> {
      if (state.byId(g.id()).isEmpty()) {
        throw RegistryErrors.schemaNotFound(g.id());
      }
      return new SubjectVersions(state.usages(g.id(), g.includeDeleted()).stream()
          .map(s -> new SubjectVersionRef(s.subject(), s.version())).toList());
    });
  }

  /** The ids of the live schemas that reference a version (Confluent's {@code referencedby}). */
  CompletableFuture<SchemaIds> referencedBy(GetReferencedBy g) {
    return store.read(state -> {
      List<StoredSchema> live = visible(state, g.subject(), false);
      StoredSchema target = g.version() == RegistryMessages.LATEST ? live.get(live.size() - 1)
          : state.version(g.subject(), g.version()).filter(s -> !s.deleted())
              .orElseThrow(() -> RegistryErrors.versionNotFound(g.version()));
      return new SchemaIds(state.referencedBy(g.subject(), target.version()));
    });
  }

  CompletableFuture<SubjectList> subjects(ListSubjects l) {
    String prefix = l.prefix() == null ? "" : l.prefix();
    return store.read(state -> new SubjectList((l.deletedOnly() ? state.softDeletedSubjects()
        : state.subjects(l.includeDeleted())).stream().filter(s -> s.startsWith(prefix)).toList()));
  }

  CompletableFuture<VersionList> versions(ListVersions l) {
    return store.read(state -> {
      List<StoredSchema> visible = visible(state, l.subject(), l.includeDeleted() || l.deletedOnly());
      if (l.deletedAsNegative()) {
        return new VersionList(state.versions(l.subject(), true).stream()
            .map(s -> s.deleted() ? -s.version() : s.version()).toList());
      }
      return new VersionList(visible.stream().filter(s -> !l.deletedOnly() || s.deleted())
          .map(StoredSchema::version).toList());
    });
  }

  CompletableFuture<VersionsList> listSchemas(ListSchemas l) {
    String prefix = l.prefix() == null ? "" : l.prefix();
    return store.read(state -> {
      List<StoredSchema> out = new ArrayList<>();
      for (String subject : state.subjects(l.includeDeleted())) {
        if (!subject.startsWith(prefix)) {
          continue;
        }
        List<StoredSchema> versions = state.versions(subject, l.includeDeleted());
        out.addAll(l.latestOnly() ? versions.subList(versions.size() - 1, versions.size()) : versions);
      }
      int from = Math.min(Math.max(l.offset(), 0), out.size());
      int to = l.limit() < 0 ? out.size() : (int) Math.min((long) from + l.limit(), out.size());
      return new VersionsList(out.subList(from, to).stream().map(RegistryOperations::answer).toList());
    });
  }

  CompletableFuture<Version> version(GetVersion g) {
    return store.read(state -> {
      List<StoredSchema> visible = visible(state, g.subject(), g.includeDeleted());
      if (g.version() == RegistryMessages.LATEST) {
        return answer(formatted(visible.get(visible.size() - 1), g.format()));
      }
      return answer(formatted(state.version(g.subject(), g.version())
          .filter(s -> g.includeDeleted() || !s.deleted())
          .orElseThrow(() -> RegistryErrors.versionNotFound(g.version())), g.format()));
    });
  }

  CompletableFuture<VersionList> deleteSubject(DeleteSubject d) {
    return store.submit(() -> store.write(state -> {
      List<StoredSchema> all = state.versions(d.subject(), true);
      if (all.isEmpty()) {
        throw RegistryErrors.subjectNotFound(d.subject());
      }
      state.modeInScope(d.subject()).checkWritable(d.subject());
      List<StoredSchema> live = state.versions(d.subject(), false);
      List<ProducerRecord<byte[], byte[]>> records = new ArrayList<>();
      if (!d.permanent()) {
        if (live.isEmpty()) {
          throw RegistryErrors.subjectSoftDeleted(d.subject());
        }
        live.forEach(s -> refuseIfReferenced(state, s));
        live.forEach(s -> records.add(schemaRecord(s.asDeleted())));
        return new Decision<>(records, new VersionList(live.stream().map(StoredSchema::version).toList()));
      }
      if (!live.isEmpty()) {
        throw RegistryErrors.subjectNotSoftDeleted(d.subject());
      }
      all.forEach(s -> refuseIfReferenced(state, s));
      all.forEach(s -> records.add(tombstone(StoreRecords.schemaKey(s.subject(), s.version()))));
      if (state.subjectLevel(d.subject()).isPresent() || state.subjectNormalize(d.subject()).isPresent()) {
        records.add(tombstone(StoreRecords.configKey(d.subject())));
      }
      if (state.subjectMode(d.subject()).isPresent()) {
        records.add(tombstone(StoreRecords.modeKey(d.subject())));
      }
      return new Decision<>(records, new VersionList(all.stream().map(StoredSchema::version).toList()));
    }));
  }

  CompletableFuture<DeletedVersion> deleteVersion(DeleteVersion d) {
    return store.submit(() -> store.write(state -> {
      List<StoredSchema> candidates = state.versions(d.subject(), d.permanent());
      if (state.versions(d.subject(), true).isEmpty()) {
        throw RegistryErrors.subjectNotFound(d.subject());
      }
      state.modeInScope(d.subject()).checkWritable(d.subject());
      StoredSchema target;
      if (d.version() == RegistryMessages.LATEST) {
        if (candidates.isEmpty()) {
          throw RegistryErrors.subjectSoftDeleted(d.subject());
        }
        target = candidates.get(candidates.size() - 1);
      } else {
        target = state.version(d.subject(), d.version())
            .orElseThrow(() -> RegistryErrors.versionNotFound(d.version()));
      }
      ProducerRecord<byte[], byte[]> record;
      refuseIfReferenced(state, target);
      if (!d.permanent()) {
        if (target.deleted()) {
          throw RegistryErrors.versionSoftDeleted(d.subject(), target.version());
        }
        record = schemaRecord(target.asDeleted());
      } else {
        if (!target.deleted()) {
          throw RegistryErrors.versionNotSoftDeleted(d.subject(), target.version());
        }
        record = tombstone(StoreRecords.schemaKey(d.subject(), target.version()));
      }
      return new Decision<>(List.of(record), new DeletedVersion(target.version()));
    }));
  }

  CompletableFuture<Level> config(GetConfig g) {
    return store.read(state -> {
      if (g.subject() == null) {
        return new Level(global(state).name(), state.globalNormalize().orElse(null));
      }
      Optional<CompatibilityLevel> own = state.subjectLevel(g.subject());
      Optional<Boolean> ownNormalize = state.subjectNormalize(g.subject());
      if (g.defaultToGlobal()) {
        return new Level(own.orElseGet(() -> global(state)).name(),
            ownNormalize.or(state::globalNormalize).orElse(null));
      }
      if (own.isEmpty() && ownNormalize.isEmpty()) {
        throw RegistryErrors.subjectCompatibilityNotConfigured(g.subject());
      }
      return new Level(own.map(CompatibilityLevel::name).orElse(null), ownNormalize.orElse(null));
    });
  }

  CompletableFuture<Level> putConfig(PutConfig p) {
    CompatibilityLevel level = p.level() == null && p.normalize() != null ? null
        : CompatibilityLevel.parse(p.level()).orElseThrow(RegistryErrors::invalidCompatibilityLevel);
    return store.submit(() -> store.write(state -> {
      // An update merges into the config: what it leaves out (null) stays as it was.
      CompatibilityLevel newLevel = level != null ? level
          : (p.subject() == null ? state.globalLevel() : state.subjectLevel(p.subject())).orElse(null);
      Boolean newNormalize = p.normalize() != null ? p.normalize()
          : (p.subject() == null ? state.globalNormalize() : state.subjectNormalize(p.subject())).orElse(null);
      return new Decision<>(List.of(record(StoreRecords.configKey(p.subject()),
          StoreRecords.configValue(newLevel, newNormalize))),
          new Level(level == null ? null : level.name(), p.normalize()));
    }));
  }

  CompletableFuture<Level> deleteConfig(DeleteConfig d) {
    return store.submit(() -> store.write(state -> {
      Optional<CompatibilityLevel> old = d.subject() == null ? state.globalLevel() : state.subjectLevel(d.subject());
      Optional<Boolean> oldNormalize = d.subject() == null ? state.globalNormalize()
          : state.subjectNormalize(d.subject());
      if (d.subject() != null && old.isEmpty() && oldNormalize.isEmpty()) {
        throw RegistryErrors.subjectNotFound(d.subject());
      }
      Level answer = new Level(old.orElse(defaultLevel).name(), oldNormalize.orElse(null));
      return old.isEmpty() && oldNormalize.isEmpty() ? Decision.unchanged(answer)
          : new Decision<>(List.of(tombstone(StoreRecords.configKey(d.subject()))), answer);
    }));
  }

  CompletableFuture<Mode> mode(GetMode g) {
    return store.read(state -> {
      if (g.subject() == null) {
        return new Mode(state.globalMode().orElse(RegistryMode.READWRITE).name());
      }
      if (g.defaultToGlobal()) {
        return new Mode(state.modeInScope(g.subject()).name());
      }
      // A global READONLY_OVERRIDE is the subject's mode whatever the subject says.
      Optional<RegistryMode> global = state.globalMode().filter(m -> m == RegistryMode.READONLY_OVERRIDE);
      return new Mode(global.or(() -> state.subjectMode(g.subject()))
          .orElseThrow(() -> RegistryErrors.subjectModeNotConfigured(g.subject())).name());
    });
  }

  /**
   * Sets a mode. Switching to IMPORT needs an empty scope (no live version in the registry, or in the subject)
   * unless {@code force}: imported ids must not meet ids this registry handed out.
   */
  CompletableFuture<Mode> putMode(PutMode p) {
    RegistryMode mode = RegistryMode.parse(p.mode()).orElseThrow(() -> RegistryErrors.invalidMode(p.mode()));
    return store.submit(() -> store.write(state -> {
      RegistryMode current = p.subject() == null ? state.globalMode().orElse(RegistryMode.READWRITE)
          : state.modeInScope(p.subject());
      if (mode == RegistryMode.IMPORT && current != RegistryMode.IMPORT && !p.force()) {
        boolean occupied = p.subject() == null ? !state.subjects(false).isEmpty()
            : !state.versions(p.subject(), false).isEmpty();
        if (occupied) {
          throw RegistryErrors.operationNotPermitted("Cannot import since found existing subjects"
              + " (delete them first, or set force=true)");
        }
      }
      return new Decision<>(List.of(record(StoreRecords.modeKey(p.subject()),
          StoreRecords.modeValue(p.subject(), mode))), new Mode(mode.name()));
    }));
  }

  CompletableFuture<Mode> deleteMode(DeleteMode d) {
    return store.submit(() -> store.write(state -> {
      Optional<RegistryMode> old = d.subject() == null ? state.globalMode() : state.subjectMode(d.subject());
      if (d.subject() != null && old.isEmpty()) {
        throw RegistryErrors.subjectNotFound(d.subject());
      }
      Mode answer = new Mode(old.orElse(RegistryMode.READWRITE).name());
      return old.isEmpty() ? Decision.unchanged(answer)
          : new Decision<>(List.of(tombstone(StoreRecords.modeKey(d.subject()))), answer);
    }));
  }

  CompletableFuture<Compatibility> checkCompatibility(CheckCompatibility c) {
    return store.read(state -> {
          ParsedSchema parsed = parse(c.schemaType(), c.schema(), c.references());
          ParsedSchema candidate = normalizing(state, c.subject(), c.normalize())
              ? normalized(parsed, c.references()) : parsed;
          List<StoredSchema> live = state.versions(c.subject(), false);
          List<StoredSchema> against;
          if (c.version() == null) {
            against = live;
          } else if (c.version() == RegistryMessages.LATEST) {
            against = live.isEmpty() ? List.of() : List.of(live.get(live.size() - 1));
          } else {
            if (state.versions(c.subject(), true).isEmpty()) {
              throw RegistryErrors.subjectNotFound(c.subject());
            }
            against = List.of(state.version(c.subject(), c.version()).filter(s -> !s.deleted())
                .orElseThrow(() -> RegistryErrors.versionNotFound(c.version())));
          }
          List<String> problems = format(candidate.type())
              .compatibilityProblems(candidate, parsed(against), level(state, c.subject()));
          return new Compatibility(problems.isEmpty(), problems);
        });
  }

  // ---- helpers (store thread)

  /**
   * Whether a stored version holds the candidate schema: the same canonical text or, for Protobuf, whose
   * descriptor and text forms of one file have different texts, the same file once parsed.
   */
  private boolean same(StoredSchema stored, ParsedSchema candidate, List<SchemaReference> references) {
    if (stored.type() != candidate.type() || !stored.references().equals(references)) {
      return false;
    }
    if (stored.schema().equals(candidate.canonical())) {
      return true;
    }
    if (candidate.type() != SchemaType.PROTOBUF) {
      return false;
    }
    ParsedSchema parsed = parsedOrNull(stored);
    return parsed != null && candidate.sameAs(parsed);
  }

  /**
   * {@link #same(StoredSchema, ParsedSchema, List)}, or with normalization on, the same once the stored one is
   * normalized too (with the same references: they are part of a schema's identity either way).
   */
  private boolean same(StoredSchema stored, ParsedSchema candidate, List<SchemaReference> references,
      boolean normalize) {
    if (same(stored, candidate, references)) {
      return true;
    }
    if (!normalize || stored.type() != candidate.type() || !stored.references().equals(references)) {
      return false;
    }
    String normalized = normalizedById.computeIfAbsent(stored.id(), id -> {
      ParsedSchema parsed = parsedOrNull(stored);
      try {
        return parsed == null || parsed instanceof Unparsed ? "" : normalized(parsed, stored.references()).canonical();
      } catch (RuntimeException e) {
        return "";
      }
    });
    return normalized.equals(candidate.canonical());
  }

  /** Whether to normalize: the request asks, or the config in scope does (Confluent: either one suffices). */
  private static boolean normalizing(RegistryState state, String subject, boolean requested) {
    return requested || state.normalizeInScope(subject);
  }

  /**
   * The schema normalized as its format normalizes it, parsed again with its references (that text is what is
   * stored).
   */
  private ParsedSchema normalized(ParsedSchema schema, List<SchemaReference> references) {
    SchemaFormat format = format(schema.type());
    List<ResolvedReference> resolved = resolve(references);
    try {
      return format.parse(format.normalizedText(schema), resolved);
    } catch (FormatException e) {
      throw RegistryErrors.invalidSchema("Invalid schema: " + e.getMessage());
    } catch (RuntimeException e) {
      // Normalization only reorders and respells what parsed before; a failure still means the text is at fault.
      throw RegistryErrors.invalidSchema("Invalid schema: it cannot be normalized (" + e + ")");
    }
  }

  /**
   * The latest version whose metadata's {@code properties} hold every requested property: 40401 without versions,
   * 40403 when none matches (a version without metadata never does), as Confluent's registry answers.
   */
  CompletableFuture<Version> latestWithMetadata(GetLatestWithMetadata g) {
    return store.read(state -> {
      List<StoredSchema> versions = visible(state, g.subject(), g.includeDeleted());
      for (int i = versions.size() - 1; i >= 0; i--) {
        StoredSchema s = versions.get(i);
        if (MetadataProperties.holdAll(s.extras().metadata(), g.properties())) {
          return answer(formatted(s, g.format()));
        }
      }
      throw RegistryErrors.schemaNotFound();
    });
  }

  private static Version answer(StoredSchema s) {
    return new Version(s.view(), s.extras());
  }

  /**
   * The id the candidate (with these extras) already has, if any: by its canonical text, else (Protobuf) by its
   * parsed form.
   */
  private Optional<StoredSchema> existing(RegistryState state, ParsedSchema candidate, SchemaExtras extras,
      List<SchemaReference> references) {
    Optional<StoredSchema> byText = state.idOf(candidate.type(), candidate.canonical(), extras, references)
        .flatMap(state::byId);
    if (byText.isPresent() || candidate.type() != SchemaType.PROTOBUF) {
      return byText;
    }
    // The lowest id when texts registered in different spellings before got ids of their own: a stable answer.
    return state.schemas().stream().filter(s -> same(s, candidate, references) && s.extras().equals(extras))
        .min(Comparator.comparingInt(StoredSchema::id));
  }

  /**
   * The version with its schema in the requested output format ({@code serialized} for Protobuf's descriptor).
   * A stored schema this server cannot parse, or a format its type lacks, keeps the stored text.
   */
  private StoredSchema formatted(StoredSchema stored, String format) {
    if (format == null || format.isBlank()) {
      return stored;
    }
    ParsedSchema parsed = parsedOrNull(stored);
    if (parsed == null || parsed instanceof Unparsed) {
      return stored;
    }
    return stored.withText(format(stored.type()).formatted(parsed, format));
  }

  private List<StoredSchema> visible(RegistryState state, String subject, boolean includeDeleted) {
    List<StoredSchema> versions = state.versions(subject, includeDeleted);
    if (versions.isEmpty()) {
      throw RegistryErrors.subjectNotFound(subject);
    }
    return versions;
  }

  private CompatibilityLevel level(RegistryState state, String subject) {
    return state.subjectLevel(subject).orElseGet(() -> global(state));
  }

  private CompatibilityLevel global(RegistryState state) {
    return state.globalLevel().orElse(defaultLevel);
  }

  /**
   * Parses a request's schema; its references are resolved against the store's state, so call it on the store's
   * thread after catching up (inside {@link SchemaStore#read} or {@link SchemaStore#write}) when it has any.
   */
  private ParsedSchema parse(String typeName, String text, List<SchemaReference> references) {
    SchemaType type = SchemaType.parse(typeName)
        .orElseThrow(() -> RegistryErrors.invalidSchema("Invalid schema type " + typeName));
    if (text == null || text.isBlank()) {
      throw RegistryErrors.invalidSchema("Empty schema");
    }
    List<ResolvedReference> resolved = resolve(references);
    try {
      return format(type).parse(text, resolved);
    } catch (FormatException e) {
      throw RegistryErrors.invalidSchema("Invalid schema: " + e.getMessage());
    } catch (RuntimeException e) {
      // A parser's unexpected complaint about a text is still the text's fault, not the server's.
      throw RegistryErrors.invalidSchema("Invalid schema: " + e);
    }
  }

  /** A schema's references as the texts its format parses it with (store thread). */
  private List<ResolvedReference> resolve(List<SchemaReference> references) {
    RegistryState state = store.state();
    return ReferenceResolution.resolve(references, state::referencedVersion);
  }

  /** 42206 when live versions reference the version: deleting it would leave them unparseable. */
  private static void refuseIfReferenced(RegistryState state, StoredSchema target) {
    List<Integer> referrers = state.referencedBy(target.subject(), target.version());
    if (!referrers.isEmpty()) {
      throw RegistryErrors.referenceExists(target.subject(), target.version(), referrers);
    }
  }

  private SchemaFormat format(SchemaType type) {
    return formats.get(type).orElseThrow(() -> RegistryErrors.invalidSchema(
        "Schema type " + type.wireName() + " is not supported by this server"));
  }

  /** A stored version parsed, or null when its text no longer parses (written by another registry, say). */
  private ParsedSchema parsedOrNull(StoredSchema stored) {
    try {
      return parsed(List.of(stored)).get(0);
    } catch (RuntimeException e) {
      return null;
    }
  }

  /**
   * Stored versions as parsed schemas for a compatibility check. Versions of another type need no parsing (a type
   * change is incompatible whatever the texts say), so they stand in as bare type-and-text.
   */
  private List<ParsedSchema> parsed(List<StoredSchema> versions) {
    List<ParsedSchema> out = new ArrayList<>(versions.size());
    for (StoredSchema s : versions) {
      ParsedSchema p = parsedById.get(s.id());
      if (p == null) {
        p = formats.get(s.type()).map(f -> f.parse(s.schema(), resolve(s.references()))).orElse(null);
        if (p == null) {
          out.add(new Unparsed(s.type(), s.schema()));
          continue;
        }
        parsedById.put(s.id(), p);
      }
      out.add(p);
    }
    return out;
  }

  /** A stored schema of a type this server cannot parse. */
  private record Unparsed(SchemaType type, String canonical) implements ParsedSchema {
    @Override
    public Optional<String> recordName() {
      return Optional.empty();
    }
  }

  private ProducerRecord<byte[], byte[]> schemaRecord(StoredSchema s) {
    return record(StoreRecords.schemaKey(s.subject(), s.version()), StoreRecords.schemaValue(s));
  }

  private ProducerRecord<byte[], byte[]> tombstone(byte[] key) {
    return record(key, null);
  }

  private ProducerRecord<byte[], byte[]> record(byte[] key, byte[] value) {
    return new ProducerRecord<>(store.topic(), 0, key, value);
  }
}
