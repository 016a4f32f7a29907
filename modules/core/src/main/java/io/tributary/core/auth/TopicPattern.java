package io.tributary.core.auth;

/** Glob matching for topic patterns: {@code *} matches any (possibly empty) run of characters, nothing else is special. */
final class TopicPattern {
  private TopicPattern() {}

  static boolean matches(String pattern, String topic) {
    int p = 0;
    int t = 0;
    int star = -1;
    int mark = 0;
    while (t < topic.length()) {
      if (p < pattern.length() && pattern.charAt(p) == '*') {
        star = p++;
        mark = t;
      } else if (p < pattern.length() && pattern.charAt(p) == topic.charAt(t)) {
        p++;
        t++;
      } else if (star >= 0) {
        p = star + 1;
        t = ++mark;
      } else {
        return false;
      }
    }
    while (p < pattern.length() && pattern.charAt(p) == '*') {
      p++;
    }
    return p == pattern.length();
  }
}
