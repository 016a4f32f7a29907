package io.tributary.core.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The effective configuration: raw string values by key (file overridden by environment), read through typed
 * {@link ConfigKey}s. Immutable and safe to share between verticles.
 */
public final class TributaryConfig {
  private final Map<String, String> values;

  public TributaryConfig(Map<String, String> values) {
    this.values = Collections.unmodifiableMap(new TreeMap<>(values));
  }

  public static TributaryConfig empty() {
    return new TributaryConfig(Map.of());
  }

  /** A copy with some values replaced; used by tests and by the launcher (e.g. the embedded broker's address). */
  public TributaryConfig with(Map<String, String> overrides) {
    Map<String, String> merged = new TreeMap<>(values);
    merged.putAll(overrides);
    return new TributaryConfig(merged);
  }

  public <T> T get(ConfigKey<T> key) {
    String raw = values.get(key.name());
    if (raw == null || (raw.isBlank() && !(key.defaultValue() instanceof String))) {
      return key.defaultValue();
    }
    return key.parse(raw);
  }

  /** Every key starting with {@code prefix}, with the prefix removed. */
  public Map<String, String> withPrefix(String prefix) {
    Map<String, String> out = new LinkedHashMap<>();
    values.forEach((k, v) -> {
      if (k.startsWith(prefix)) {
        out.put(k.substring(prefix.length()), v);
      }
    });
    return out;
  }

  /** A comma-separated value as a list of trimmed, non-empty items. */
  public List<String> list(ConfigKey<String> key) {
    return List.of(get(key).split(",")).stream().map(String::trim).filter(s -> !s.isEmpty()).toList();
  }

  public String raw(String key) {
    return values.get(key);
  }

  public Map<String, String> asMap() {
    return values;
  }
}
