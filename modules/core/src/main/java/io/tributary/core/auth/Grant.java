package io.tributary.core.auth;

import java.util.List;
import java.util.Set;

/** Operations allowed on the topics matching any of the patterns ({@code *} matches any run of characters). */
public record Grant(List<String> topicPatterns, Set<Operation> operations) {
  public Grant {
    topicPatterns = List.copyOf(topicPatterns);
    operations = Set.copyOf(operations);
  }

  public boolean allows(Operation operation, String topic) {
    return operations.contains(operation) && matches(topic);
  }

  public boolean matches(String topic) {
    for (String pattern : topicPatterns) {
      if (TopicPattern.matches(pattern, topic)) {
        return true;
      }
    }
    return false;
  }
}
