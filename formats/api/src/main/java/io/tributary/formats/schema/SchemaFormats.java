package io.tributary.formats.schema;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;

/**
 * The schema formats on the class path, found with {@link ServiceLoader} (each format module registers its
 * {@link SchemaFormat} in {@code META-INF/services}), so that the server serves exactly the formats it was built
 * with.
 */
public final class SchemaFormats {
  private final Map<SchemaType, SchemaFormat> byType;

  private SchemaFormats(Map<SchemaType, SchemaFormat> byType) {
    this.byType = byType;
  }

  /** The formats registered on this class loader's class path. */
  public static SchemaFormats discover() {
    return of(ServiceLoader.load(SchemaFormat.class, SchemaFormats.class.getClassLoader()));
  }

  /** A fixed set of formats; the last one wins when two claim the same type. */
  public static SchemaFormats of(Iterable<? extends SchemaFormat> formats) {
    Map<SchemaType, SchemaFormat> map = new EnumMap<>(SchemaType.class);
    for (SchemaFormat f : formats) {
      map.put(f.type(), f);
    }
    return new SchemaFormats(Collections.unmodifiableMap(map));
  }

  public Optional<SchemaFormat> get(SchemaType type) {
    return Optional.ofNullable(byType.get(type));
  }

  public Set<SchemaType> types() {
    return byType.keySet();
  }
}
