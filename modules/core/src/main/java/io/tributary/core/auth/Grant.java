package io.tributary.core.auth;

import java.util.List;
import java.util.Set;

/**
 * Operations allowed on the topics matching any of the topic patterns and on the schema registry subjects matching
 * any of the subject patterns ({@code *} matches any run of characters).
 *
 * <p>Subjects: a grant that names none ({@code subjectPatterns} null, every permission file written before subject
 * permissions existed) covers the subjects of its topics as the default naming strategy names them, {@code T-key}
 * and {@code T-value}, and every subject when its topics include {@code *}. Operations on subjects follow from the grant's operations: {@code admin} includes
 * {@code schema-write}, which includes {@code schema-read}; {@code produce} implies {@code schema-write} (a producer
 * may register its records' schemas, as it always could) and {@code consume} implies {@code schema-read}.
 */
public record Grant(List<String> topicPatterns, List<String> subjectPatterns, Set<Operation> operations) {
  public Grant {
    topicPatterns = List.copyOf(topicPatterns);
    subjectPatterns = subjectPatterns == null ? null : List.copyOf(subjectPatterns);
    operations = Set.copyOf(operations);
  }

  /** A grant on topics only (its subjects are derived from the topics). */
  public Grant(List<String> topicPatterns, Set<Operation> operations) {
    this(topicPatterns, null, operations);
  }

  public boolean allows(Operation operation, String topic) {
    return operations.contains(operation) && matches(topic);
  }

  public boolean matches(String topic) {
    return anyMatches(topicPatterns, topic);
  }

  /** Whether {@code operation} (schema-read, schema-write or admin) is allowed on the registry subject. */
  public boolean allowsOnSubject(Operation operation, String subject) {
    return impliesOnSubjects(operation) && matchesSubject(subject);
  }

  /** Whether the subject is one this grant covers, whatever the operation. */
  public boolean matchesSubject(String subject) {
    if (subjectPatterns != null) {
      return anyMatches(subjectPatterns, subject);
    }
    if (topicPatterns.contains("*")) {
      return true; // every topic: every subject, also those a record-name strategy names
    }
    for (String suffix : List.of("-key", "-value")) {
      if (subject.endsWith(suffix) && matches(subject.substring(0, subject.length() - suffix.length()))) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether this grant holds {@code admin} over every subject: its subjects (or, without subjects, its topics)
   * include the pattern {@code *}. What registry-wide changes (global config and mode) need.
   */
  public boolean administersEverySubject() {
    List<String> patterns = subjectPatterns != null ? subjectPatterns : topicPatterns;
    return operations.contains(Operation.ADMIN) && patterns.contains("*");
  }

  private boolean impliesOnSubjects(Operation operation) {
    return switch (operation) {
      case ADMIN -> operations.contains(Operation.ADMIN);
      case SCHEMA_WRITE -> operations.contains(Operation.ADMIN) || operations.contains(Operation.SCHEMA_WRITE)
          || operations.contains(Operation.PRODUCE);
      case SCHEMA_READ -> !operations.isEmpty();
      default -> false;
    };
  }

  private static boolean anyMatches(List<String> patterns, String name) {
    for (String pattern : patterns) {
      if (TopicPattern.matches(pattern, name)) {
        return true;
      }
    }
    return false;
  }
}
