package io.tributary.http.media;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A parsed media range: type, subtype and the client's quality {@code q}. Parameters other than {@code q} are
 * kept only as far as negotiation needs them (it ignores them, as JAX-RS did for these types).
 */
public record MediaType(String type, String subtype, double q) {
  public static final MediaType ANY = new MediaType("*", "*", 1.0);
  /**
   * Headers seen and what they parse to: a request's Accept is parsed by every route that negotiates (and for each
   * rival type), while clients send the same few headers over and over. Bounded, because headers are the client's
   * choice; once full, further headers are parsed every time.
   */
  private static final int CACHED_HEADERS = 256;
  private static final Map<String, MediaType> PARSED = new ConcurrentHashMap<>();
  private static final Map<String, List<MediaType>> PARSED_ACCEPT = new ConcurrentHashMap<>();

  /** Parses one media type such as {@code application/vnd.kafka.v1+json; charset=utf-8}; null if malformed. */
  public static MediaType parse(String text) {
    if (text == null) {
      return null;
    }
    MediaType cached = PARSED.get(text);
    if (cached != null) {
      return cached;
    }
    MediaType parsed = parseUncached(text);
    if (parsed != null && PARSED.size() < CACHED_HEADERS) {
      PARSED.put(text, parsed);
    }
    return parsed;
  }

  private static MediaType parseUncached(String text) {
    String[] parts = text.split(";");
    if (parts.length == 0) {
      // Nothing but separators (";", ";;;"): split drops the empty strings, so there is no type at all.
      return null;
    }
    String essence = parts[0].trim().toLowerCase(Locale.ROOT);
    int slash = essence.indexOf('/');
    if (slash <= 0 || slash == essence.length() - 1) {
      return null;
    }
    double q = 1.0;
    for (int i = 1; i < parts.length; i++) {
      String p = parts[i].trim();
      if (p.startsWith("q=") || p.startsWith("Q=")) {
        try {
          q = Double.parseDouble(p.substring(2).trim());
        } catch (NumberFormatException e) {
          q = 0.0;
        }
      }
    }
    return new MediaType(essence.substring(0, slash), essence.substring(slash + 1), q);
  }

  /**
   * Parses an Accept header into its ranges (an unmodifiable list); an absent or blank header means
   * {@code *}{@code /*}.
   */
  public static List<MediaType> parseAccept(String header) {
    if (header == null || header.isBlank()) {
      return List.of(ANY);
    }
    List<MediaType> cached = PARSED_ACCEPT.get(header);
    if (cached != null) {
      return cached;
    }
    List<MediaType> out = new ArrayList<>();
    for (String item : header.split(",")) {
      MediaType m = parse(item);
      if (m != null) {
        out.add(m);
      }
    }
    List<MediaType> parsed = List.copyOf(out);
    if (PARSED_ACCEPT.size() < CACHED_HEADERS) {
      PARSED_ACCEPT.put(header, parsed);
    }
    return parsed;
  }

  /** The type without parameters, e.g. {@code application/json}. */
  public String essence() {
    return type + "/" + subtype;
  }

  /** Whether {@code other} has the same {@link #essence()} (compared without building it). */
  public boolean sameEssence(MediaType other) {
    return type.equals(other.type) && subtype.equals(other.subtype);
  }

  /** Whether this (possibly wildcard) range includes the concrete type {@code other}. */
  public boolean includes(MediaType other) {
    boolean typeOk = type.equals("*") || type.equals(other.type);
    boolean subOk = subtype.equals("*") || subtype.equals(other.subtype);
    return typeOk && subOk;
  }

  /** How specific a range is, to prefer {@code a/b} over {@code a/*} over {@code *}{@code /*}. */
  int specificity() {
    return (type.equals("*") ? 0 : 1) + (subtype.equals("*") ? 0 : 1);
  }
}
