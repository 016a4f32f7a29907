package io.tributary.core.consumer;

import java.util.Objects;

/**
 * Names a consumer instance as one principal sees it: its group, its instance name, and the principal the request
 * acts for. The engine finds an instance only by all three, so an instance exists solely for the principal that
 * created it: to every other principal it answers as a missing one (40403), and its name is never disclosed. With
 * authentication off every request acts as {@code Principal.ANONYMOUS}, so all of them share one set of instances.
 *
 * @param principal the name of the requesting principal ({@code Principal.name()})
 */
public record ConsumerRef(String group, String instance, String principal) {
  public ConsumerRef {
    // A reference without its principal would silently address another principal's instance namespace.
    Objects.requireNonNull(principal, "principal");
  }
}
