package io.tributary.formats.jsonschema;

import io.vertx.core.json.JsonObject;
import io.vertx.json.schema.Draft;
import io.vertx.json.schema.JsonSchema;
import io.vertx.json.schema.JsonSchemaOptions;
import io.vertx.json.schema.OutputFormat;
import io.vertx.json.schema.SchemaRepository;
import io.vertx.json.schema.Validator;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Validators for the drafts' meta-schemas, so that a schema which breaks its draft (a {@code "type": 5}, an unknown
 * type name) is refused at registration instead of failing later on data. The meta-schemas ship inside
 * vertx-json-schema; they are loaded from its class path once, without a Vertx instance.
 */
final class MetaSchemas {
  static final String BASE_URI = "app://tributary/";

  private static final Map<Draft, List<String>> RESOURCES = Map.of(
      Draft.DRAFT4, List.of("draft-04/schema"),
      Draft.DRAFT7, List.of("draft-07/schema"),
      Draft.DRAFT201909, List.of("draft/2019-09/schema", "draft/2019-09/meta/core", "draft/2019-09/meta/applicator",
          "draft/2019-09/meta/validation", "draft/2019-09/meta/meta-data", "draft/2019-09/meta/format",
          "draft/2019-09/meta/content"),
      Draft.DRAFT202012, List.of("draft/2020-12/schema", "draft/2020-12/meta/core", "draft/2020-12/meta/applicator",
          "draft/2020-12/meta/unevaluated", "draft/2020-12/meta/validation", "draft/2020-12/meta/meta-data",
          "draft/2020-12/meta/format-annotation", "draft/2020-12/meta/content"));

  private static final Map<Draft, Validator> VALIDATORS = new EnumMap<>(Draft.class);

  private MetaSchemas() {}

  /** Where a schema referenced as {@code name} lives for the validator: relative names under {@link #BASE_URI}. */
  static String uriOf(String name) {
    return URI.create(BASE_URI).resolve(name).toString();
  }

  static JsonSchemaOptions options(Draft draft) {
    return new JsonSchemaOptions().setDraft(draft).setBaseUri(BASE_URI).setOutputFormat(OutputFormat.Basic);
  }

  static synchronized Validator validator(Draft draft) {
    return VALIDATORS.computeIfAbsent(draft, MetaSchemas::load);
  }

  private static Validator load(Draft draft) {
    SchemaRepository repository = SchemaRepository.create(options(draft));
    for (String resource : RESOURCES.get(draft)) {
      repository.dereference(JsonSchema.of(read("json-schema.org/" + resource)));
    }
    return repository.validator(draft.getIdentifier());
  }

  private static JsonObject read(String resource) {
    try (InputStream in = MetaSchemas.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("Meta-schema " + resource + " missing from vertx-json-schema");
      }
      return new JsonObject(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
