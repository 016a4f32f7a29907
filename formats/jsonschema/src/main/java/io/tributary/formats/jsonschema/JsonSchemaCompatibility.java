package io.tributary.formats.jsonschema;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.json.schema.Draft;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Decides whether every document a writer schema accepts is accepted by a reader schema ("the reader can read the
 * writer's data"). The check is conservative: it never calls an incompatible pair compatible for the keywords it
 * understands (type, enum/const, numeric/string/array/object bounds, properties/required/additionalProperties,
 * items, allOf, anyOf, oneOf on the writer side, local $refs); any other keyword the reader uses must appear with
 * the same value in the writer. The rules are written up in docs/formats-compatibility.md.
 */
final class JsonSchemaCompatibility {
  private static final Set<String> ANNOTATIONS = Set.of("title", "description", "default", "examples", "$comment",
      "$schema", "$id", "id", "readOnly", "writeOnly", "deprecated", "definitions", "$defs", "$anchor",
      "$dynamicAnchor", "$recursiveAnchor", "$vocabulary", "contentMediaType", "contentEncoding", "contentSchema");
  private static final Set<String> COMPARED = Set.of("type", "enum", "const", "minimum", "maximum",
      "exclusiveMinimum", "exclusiveMaximum", "multipleOf", "minLength", "maxLength", "pattern", "format",
      "minItems", "maxItems", "uniqueItems", "items", "minProperties", "maxProperties", "required", "properties",
      "additionalProperties", "allOf", "anyOf", "$ref");
  private static final Set<String> ALL_TYPES =
      Set.of("null", "boolean", "object", "array", "number", "integer", "string");
  private static final int MAX_DEPTH = 128;

  private final JsonParsedSchema reader;
  private final JsonParsedSchema writer;
  private final boolean sameDocuments;
  private final Map<Object, Set<Object>> inProgress = new IdentityHashMap<>();

  private JsonSchemaCompatibility(JsonParsedSchema reader, JsonParsedSchema writer) {
    this.reader = reader;
    this.writer = writer;
    // Equal texts with different referenced schemas are different schemas.
    this.sameDocuments = Objects.equals(reader.document(), writer.document())
        && reader.referenced().equals(writer.referenced());
  }

  static List<String> readProblems(JsonParsedSchema reader, JsonParsedSchema writer) {
    JsonSchemaCompatibility check = new JsonSchemaCompatibility(reader, writer);
    if (check.sameDocuments) {
      return List.of();
    }
    return List.copyOf(new LinkedHashSet<>(check.check(reader.document(), writer.document(), "#", 0)));
  }

  private List<String> check(Object r, Object w, String path, int depth) {
    if (depth > MAX_DEPTH) {
      return List.of(path + ": schema nesting too deep to compare");
    }
    // Recursive schemas meet the same pair again; assuming it compatible there is the coinductive reading.
    Object readerNode = identity(r);
    Object writerNode = identity(w);
    Set<Object> seen =
        inProgress.computeIfAbsent(readerNode, k -> Collections.newSetFromMap(new IdentityHashMap<>()));
    if (!seen.add(writerNode)) {
      return List.of();
    }
    try {
      return compare(deref(r, reader), deref(w, writer), path, depth + 1);
    } finally {
      seen.remove(writerNode);
    }
  }

  /** vertx wraps nested maps in a new JsonObject on every read; the map underneath is the node's identity. */
  private static Object identity(Object node) {
    return node instanceof JsonObject o ? o.getMap() : node;
  }

  private List<String> compare(Object r, Object w, String path, int depth) {
    if (acceptsEverything(r) || Boolean.FALSE.equals(w)) {
      return List.of();
    }
    if (Boolean.FALSE.equals(r)) {
      return List.of(path + ": accepts nothing, but the other schema accepts data");
    }
    if (acceptsEverything(w)) {
      return List.of(path + ": restricts data that the other schema accepts without constraint");
    }
    JsonObject ro = (JsonObject) r;
    JsonObject wo = (JsonObject) w;
    if (ro.containsKey("$ref") || wo.containsKey("$ref")) {
      // Left unresolved by deref: a reference to another document or an anchor.
      return sameMeaning(ro, wo) ? List.of() : List.of(path + ": cannot compare the reference " + ref(ro, wo));
    }
    List<String> problems = new ArrayList<>();
    if (ro.getValue("allOf") instanceof JsonArray parts) {
      for (int i = 0; i < parts.size(); i++) {
        problems.addAll(check(parts.getValue(i), wo, path + "/allOf/" + i, depth));
      }
      ro = without(ro, "allOf");
    }
    if (wo.getValue("allOf") instanceof JsonArray parts) {
      // The writer accepts the intersection; merging the parts in (dropping any that conflict) only widens it.
      wo = without(wo, "allOf");
      for (Object part : parts) {
        wo = mergeInto(wo, deref(part, writer));
      }
    }
    JsonArray alternatives = firstArray(wo, "anyOf", "oneOf");
    if (alternatives != null && !sameMeaning(ro.getValue(alternativeKeyword(wo)), alternatives)) {
      JsonObject base = without(wo, "anyOf", "oneOf");
      if (!alternatives.isEmpty() && compare(ro, base, path, depth).isEmpty()) {
        return problems;
      }
      // Every document the writer accepts matches one alternative (and the rest of the writer schema).
      for (int i = 0; i < alternatives.size(); i++) {
        Object branch = mergeInto(base, deref(alternatives.getValue(i), writer));
        problems.addAll(check(ro, branch, path + "/" + alternativeKeyword(wo) + "/" + i, depth));
      }
      return problems;
    }
    if (ro.getValue("anyOf") instanceof JsonArray options) {
      if (!sameMeaning(options, wo.getValue("anyOf"))) {
        boolean fits = false;
        for (Object option : options) {
          fits = fits || check(option, wo, path, depth).isEmpty();
        }
        if (!fits) {
          problems.add(path + "/anyOf: no alternative accepts all data of the other schema");
        }
      }
      ro = without(ro, "anyOf");
      wo = without(wo, "anyOf");
    }
    compareOther(ro, wo, path, problems);
    Set<String> writerTypes = writerTypes(wo);
    compareTypes(ro, writerTypes, path, problems);
    compareValues(ro, wo, path, problems);
    if (mayBe(writerTypes, "number") || mayBe(writerTypes, "integer")) {
      compareNumbers(ro, wo, path, problems);
    }
    if (mayBe(writerTypes, "string")) {
      atLeast(ro, wo, "minLength", path, problems);
      atMost(ro, wo, "maxLength", path, problems);
      same(ro, wo, "pattern", path, problems);
      same(ro, wo, "format", path, problems);
    }
    if (mayBe(writerTypes, "array")) {
      compareArrays(ro, wo, path, depth, problems);
    }
    if (mayBe(writerTypes, "object")) {
      compareObjects(ro, wo, path, depth, problems);
    }
    return problems;
  }

  /** Keywords this check does not model must mean the same in both schemas. */
  private void compareOther(JsonObject ro, JsonObject wo, String path, List<String> problems) {
    for (String key : ro.fieldNames()) {
      boolean modelled = COMPARED.contains(key) && !(key.equals("items") && ro.getValue(key) instanceof JsonArray);
      if (!modelled && !ANNOTATIONS.contains(key) && !sameMeaning(ro.getValue(key), wo.getValue(key))) {
        problems.add(path + "/" + key + ": differs between the schemas (compared only for equality)");
      }
    }
  }

  private void compareTypes(JsonObject ro, Set<String> writerTypes, String path, List<String> problems) {
    Set<String> readerTypes = declaredTypes(ro);
    if (readerTypes == null) {
      return;
    }
    if (writerTypes == null) {
      problems.add(path + "/type: accepts only " + readerTypes + ", the other schema accepts any type");
      return;
    }
    for (String t : writerTypes) {
      if (!readerTypes.contains(t) && !(t.equals("integer") && readerTypes.contains("number"))) {
        problems.add(path + "/type: " + t + " is not accepted (accepts " + readerTypes + ")");
      }
    }
  }

  private void compareValues(JsonObject ro, JsonObject wo, String path, List<String> problems) {
    List<Object> allowed = values(ro);
    if (allowed == null) {
      return;
    }
    List<Object> written = values(wo);
    if (written == null) {
      problems.add(path + "/enum: restricts values that the other schema does not restrict");
      return;
    }
    for (Object v : written) {
      if (allowed.stream().noneMatch(a -> sameValue(a, v))) {
        problems.add(path + "/enum: value " + v + " is not accepted");
      }
    }
  }

  private void compareNumbers(JsonObject ro, JsonObject wo, String path, List<String> problems) {
    Bound rLow = bound(ro, "minimum", "exclusiveMinimum");
    Bound wLow = bound(wo, "minimum", "exclusiveMinimum");
    if (rLow != null && (wLow == null || !wLow.within(rLow, 1))) {
      problems.add(path + "/minimum: lower bound " + rLow + " is tighter than the other schema's " + wLow);
    }
    Bound rHigh = bound(ro, "maximum", "exclusiveMaximum");
    Bound wHigh = bound(wo, "maximum", "exclusiveMaximum");
    if (rHigh != null && (wHigh == null || !wHigh.within(rHigh, -1))) {
      problems.add(path + "/maximum: upper bound " + rHigh + " is tighter than the other schema's " + wHigh);
    }
    BigDecimal rStep = number(ro.getValue("multipleOf"));
    if (rStep != null && rStep.signum() > 0) {
      BigDecimal wStep = number(wo.getValue("multipleOf"));
      if (wStep == null || wStep.remainder(rStep).signum() != 0) {
        problems.add(path + "/multipleOf: " + rStep + " is not implied by the other schema");
      }
    }
  }

  private void compareArrays(JsonObject ro, JsonObject wo, String path, int depth, List<String> problems) {
    atLeast(ro, wo, "minItems", path, problems);
    atMost(ro, wo, "maxItems", path, problems);
    if (Boolean.TRUE.equals(ro.getValue("uniqueItems")) && !Boolean.TRUE.equals(wo.getValue("uniqueItems"))) {
      problems.add(path + "/uniqueItems: required, but not by the other schema");
    }
    Object items = ro.getValue("items");
    if (items == null || items instanceof JsonArray) {
      return;
    }
    if (ro.containsKey("prefixItems")) {
      // The prefixes are equal (compareOther); the rest must fit.
      problems.addAll(check(items, orTrue(wo.getValue("items")), path + "/items", depth));
      return;
    }
    JsonArray tuple = wo.getValue("prefixItems") instanceof JsonArray p ? p
        : wo.getValue("items") instanceof JsonArray i ? i : new JsonArray();
    Object rest = wo.containsKey("prefixItems") || !(wo.getValue("items") instanceof JsonArray)
        ? wo.getValue("items") : wo.getValue("additionalItems");
    for (int i = 0; i < tuple.size(); i++) {
      problems.addAll(check(items, tuple.getValue(i), path + "/items/" + i, depth));
    }
    problems.addAll(check(items, orTrue(rest), path + "/items", depth));
  }

  private void compareObjects(JsonObject ro, JsonObject wo, String path, int depth, List<String> problems) {
    atLeast(ro, wo, "minProperties", path, problems);
    atMost(ro, wo, "maxProperties", path, problems);
    Set<String> writerRequired = strings(wo.getValue("required"));
    for (String name : strings(ro.getValue("required"))) {
      if (!writerRequired.contains(name)) {
        problems.add(path + "/required: property '" + name + "' is required, but not by the other schema");
      }
    }
    JsonObject rProps = ro.getValue("properties") instanceof JsonObject p ? p : new JsonObject();
    JsonObject wProps = wo.getValue("properties") instanceof JsonObject p ? p : new JsonObject();
    Object rExtra = orTrue(ro.getValue("additionalProperties"));
    // Pattern properties let the writer accept names it does not list, with values this check cannot bound.
    Object wExtra = wo.containsKey("patternProperties") ? Boolean.TRUE : orTrue(wo.getValue("additionalProperties"));
    for (String name : rProps.fieldNames()) {
      String at = path + "/properties/" + name;
      if (wProps.containsKey(name)) {
        problems.addAll(check(rProps.getValue(name), wProps.getValue(name), at, depth));
      } else if (!Boolean.FALSE.equals(wExtra)) {
        for (String p : check(rProps.getValue(name), wExtra, at, depth)) {
          problems.add(p + " (the other schema allows '" + name + "' as an additional property)");
        }
      }
    }
    for (String name : wProps.fieldNames()) {
      if (!rProps.containsKey(name)) {
        String at = path + "/properties/" + name;
        if (Boolean.FALSE.equals(rExtra)) {
          problems.add(at + ": not allowed (additionalProperties is false), but the other schema allows it");
        } else {
          problems.addAll(check(rExtra, wProps.getValue(name), at, depth));
        }
      }
    }
    if (!Boolean.FALSE.equals(wExtra)) {
      problems.addAll(check(rExtra, wExtra, path + "/additionalProperties", depth));
    }
  }

  // --- references and schema shapes ---

  /**
   * Follows document-local references and references to the schema's referenced documents (schema references);
   * with siblings (2019-09+) the result is the conjunction of both.
   */
  private static Object deref(Object node, JsonParsedSchema root) {
    Object current = node;
    for (int hops = 0; hops < MAX_DEPTH; hops++) {
      if (!(current instanceof JsonObject object) || !(object.getValue("$ref") instanceof String ref)) {
        return current;
      }
      Object document = JsonPointers.isLocal(ref) ? root.document()
          : root.referenced().get(JsonPointers.documentOf(ref));
      if (document == null) {
        return current;
      }
      Object target = JsonPointers.resolve(document, JsonPointers.isLocal(ref) ? ref : JsonPointers.fragmentOf(ref))
          .orElse(null);
      if (target == null) {
        return current;
      }
      JsonObject siblings = without(object, "$ref");
      boolean siblingsApply = root.draft().isAfter(Draft.DRAFT7) && hasConstraints(siblings);
      current = siblingsApply ? new JsonObject().put("allOf", new JsonArray().add(target).add(siblings)) : target;
    }
    return current;
  }

  private static boolean acceptsEverything(Object schema) {
    return Boolean.TRUE.equals(schema) || (schema instanceof JsonObject o && !hasConstraints(o));
  }

  private static boolean hasConstraints(JsonObject schema) {
    return schema.fieldNames().stream().anyMatch(k -> !ANNOTATIONS.contains(k));
  }

  private static JsonObject without(JsonObject schema, String... keys) {
    JsonObject copy = schema.copy();
    for (String k : keys) {
      copy.remove(k);
    }
    return copy;
  }

  /** The writer narrowed by another schema; keywords that conflict are dropped, which only widens the writer. */
  private static JsonObject mergeInto(JsonObject base, Object extra) {
    if (Boolean.TRUE.equals(extra) || !(extra instanceof JsonObject more)) {
      return base;
    }
    JsonObject merged = base.copy();
    for (String key : more.fieldNames()) {
      if (!merged.containsKey(key)) {
        merged.put(key, more.getValue(key));
      }
    }
    return merged;
  }

  private boolean sameMeaning(Object r, Object w) {
    return Objects.equals(r, w) && (sameDocuments || !Trees.mentions(r, "$ref"));
  }

  private static Object orTrue(Object schema) {
    return schema == null ? Boolean.TRUE : schema;
  }

  private static JsonArray firstArray(JsonObject o, String... keys) {
    for (String k : keys) {
      if (o.getValue(k) instanceof JsonArray a) {
        return a;
      }
    }
    return null;
  }

  private static String alternativeKeyword(JsonObject o) {
    return o.getValue("anyOf") instanceof JsonArray ? "anyOf" : "oneOf";
  }

  private static String ref(JsonObject ro, JsonObject wo) {
    return String.valueOf(ro.containsKey("$ref") ? ro.getValue("$ref") : wo.getValue("$ref"));
  }

  // --- types and values ---

  /** The declared types, or null for "any type". */
  private static Set<String> declaredTypes(JsonObject schema) {
    Object type = schema.getValue("type");
    if (type instanceof String s) {
      return Set.of(s);
    }
    if (type instanceof JsonArray a) {
      return new LinkedHashSet<>(strings(a));
    }
    return null;
  }

  /** The types the writer can produce: its declared types, narrowed by enum/const when it has them. */
  private static Set<String> writerTypes(JsonObject schema) {
    Set<String> declared = declaredTypes(schema);
    List<Object> values = values(schema);
    if (values == null) {
      return declared;
    }
    Set<String> fromValues = new LinkedHashSet<>();
    for (Object v : values) {
      fromValues.add(jsonType(v));
    }
    if (declared != null) {
      fromValues.removeIf(t -> !declared.contains(t) && !(t.equals("integer") && declared.contains("number")));
    }
    return fromValues;
  }

  private static boolean mayBe(Set<String> types, String type) {
    return types == null || types.contains(type) || (type.equals("number") && types.contains("integer"));
  }

  private static List<Object> values(JsonObject schema) {
    if (schema.containsKey("const")) {
      return Collections.singletonList(schema.getValue("const"));
    }
    if (!(schema.getValue("enum") instanceof JsonArray a)) {
      return null;
    }
    List<Object> out = new ArrayList<>(a.size());
    for (int i = 0; i < a.size(); i++) {
      out.add(a.getValue(i));
    }
    return out;
  }

  /** JSON equality with numbers compared by value (1 and 1.0 are the same JSON number). */
  private static boolean sameValue(Object a, Object b) {
    if (a instanceof Number x && b instanceof Number y) {
      return number(x).compareTo(number(y)) == 0;
    }
    return Objects.equals(a, b);
  }

  private static String jsonType(Object v) {
    if (v == null) {
      return "null";
    }
    if (v instanceof Boolean) {
      return "boolean";
    }
    if (v instanceof Number n) {
      BigDecimal d = number(n);
      return d.stripTrailingZeros().scale() <= 0 ? "integer" : "number";
    }
    if (v instanceof JsonObject) {
      return "object";
    }
    if (v instanceof JsonArray) {
      return "array";
    }
    return "string";
  }

  private static Set<String> strings(Object array) {
    Set<String> out = new LinkedHashSet<>();
    if (array instanceof JsonArray a) {
      for (Object o : a) {
        if (o instanceof String s) {
          out.add(s);
        }
      }
    }
    return out;
  }

  // --- bounds ---

  private record Bound(BigDecimal value, boolean exclusive) {
    /** Whether this (the writer's) bound is at least as tight as the reader's; direction 1 = lower, -1 = upper. */
    boolean within(Bound reader, int direction) {
      int c = value.compareTo(reader.value) * direction;
      return c > 0 || (c == 0 && (exclusive || !reader.exclusive));
    }

    @Override
    public String toString() {
      return (exclusive ? "exclusive " : "") + value.toPlainString();
    }
  }

  /** The tighter of an inclusive and an exclusive bound; draft 4's boolean exclusive flag is honoured. */
  private static Bound bound(JsonObject schema, String inclusiveKey, String exclusiveKey) {
    BigDecimal inclusive = number(schema.getValue(inclusiveKey));
    Object exclusive = schema.getValue(exclusiveKey);
    if (exclusive instanceof Boolean flag) {
      return inclusive == null ? null : new Bound(inclusive, flag);
    }
    BigDecimal strict = number(exclusive);
    if (inclusive == null) {
      return strict == null ? null : new Bound(strict, true);
    }
    if (strict == null) {
      return new Bound(inclusive, false);
    }
    int lower = inclusiveKey.equals("minimum") ? 1 : -1;
    return strict.compareTo(inclusive) * lower >= 0 ? new Bound(strict, true) : new Bound(inclusive, false);
  }

  private static void atLeast(JsonObject ro, JsonObject wo, String key, String path, List<String> problems) {
    BigDecimal r = number(ro.getValue(key));
    BigDecimal w = number(wo.getValue(key));
    if (r != null && r.signum() > 0 && (w == null || w.compareTo(r) < 0)) {
      problems.add(path + "/" + key + ": " + r + " is tighter than the other schema's " + w);
    }
  }

  private static void atMost(JsonObject ro, JsonObject wo, String key, String path, List<String> problems) {
    BigDecimal r = number(ro.getValue(key));
    BigDecimal w = number(wo.getValue(key));
    if (r != null && (w == null || w.compareTo(r) > 0)) {
      problems.add(path + "/" + key + ": " + r + " is tighter than the other schema's " + w);
    }
  }

  private void same(JsonObject ro, JsonObject wo, String key, String path, List<String> problems) {
    if (ro.containsKey(key) && !Objects.equals(ro.getValue(key), wo.getValue(key))) {
      problems.add(path + "/" + key + ": " + ro.getValue(key) + " is not implied by the other schema");
    }
  }

  private static BigDecimal number(Object value) {
    return value instanceof Number n ? new BigDecimal(n.toString()) : null;
  }

  /** Small helpers over vertx JSON trees. */
  private static final class Trees {
    static boolean mentions(Object node, String key) {
      if (node instanceof JsonObject o) {
        return o.containsKey(key) || o.fieldNames().stream().anyMatch(k -> mentions(o.getValue(k), key));
      }
      if (node instanceof JsonArray a) {
        return a.stream().anyMatch(item -> mentions(item, key));
      }
      return false;
    }
  }
}
