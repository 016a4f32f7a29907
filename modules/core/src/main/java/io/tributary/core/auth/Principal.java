package io.tributary.core.auth;

import java.util.List;

/**
 * Who a request acts for, with what it may do. {@link #ANONYMOUS} stands for "authentication is off" and may do
 * everything.
 */
public record Principal(String name, List<Grant> grants, boolean unrestricted) {
  public static final Principal ANONYMOUS = new Principal("ANONYMOUS", List.of(), true);

  public Principal {
    grants = List.copyOf(grants);
  }

  public static Principal restricted(String name, List<Grant> grants) {
    return new Principal(name, grants, false);
  }

  /** Whether this principal may perform {@code operation} on {@code topic}. */
  public boolean may(Operation operation, String topic) {
    return unrestricted || grants.stream().anyMatch(g -> g.allows(operation, topic));
  }

  /** Whether any operation is allowed on the topic: what metadata listings show. */
  public boolean maySee(String topic) {
    return unrestricted || grants.stream().anyMatch(g -> g.matches(topic));
  }

  /** Whether the principal holds {@code operation} on at least one topic pattern (e.g. cluster-level admin). */
  public boolean hasAny(Operation operation) {
    return unrestricted || grants.stream().anyMatch(g -> g.operations().contains(operation));
  }

  /** Whether this principal may perform {@code operation} (schema-read, schema-write, admin) on a registry subject. */
  public boolean mayOnSubject(Operation operation, String subject) {
    return unrestricted || grants.stream().anyMatch(g -> g.allowsOnSubject(operation, subject));
  }

  /** Whether this principal may change the registry as a whole (global config and mode): admin on every subject. */
  public boolean administersRegistry() {
    return unrestricted || grants.stream().anyMatch(Grant::administersEverySubject);
  }
}
