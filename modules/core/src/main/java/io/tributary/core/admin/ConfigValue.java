package io.tributary.core.admin;

import java.util.List;

/**
 * One config entry as Kafka describes it. {@code value} is null for sensitive or unset entries; {@code source} is
 * the name of Kafka's config source ({@code DYNAMIC_TOPIC_CONFIG}, {@code DEFAULT_CONFIG}, …).
 */
public record ConfigValue(String name, String value, boolean isDefault, boolean readOnly, boolean sensitive,
    String source, List<ConfigSynonymValue> synonyms) {
  public ConfigValue {
    synonyms = List.copyOf(synonyms);
  }
}
