package io.tributary.consumer.v2;

import io.tributary.core.auth.Operation;
import io.tributary.core.auth.Principal;
import io.tributary.core.error.ErrorCode;
import io.tributary.http.auth.Access;
import io.vertx.ext.web.RoutingContext;
import java.util.Collection;
import java.util.LinkedHashSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Consume permission for v2 consumer requests. Instances are not owned by a principal (as in the original), so every
 * request that names topics is checked for them: subscribe, assign, seek, commit and committed-offset look-ups;
 * reads are checked against the topics of the records they return.
 */
final class TopicAccess {
  private static final Logger AUDIT = LoggerFactory.getLogger("io.tributary.audit");

  private TopicAccess() {}

  /** 403 (40301) unless the principal may consume every one of the topics. */
  static void requireConsume(RoutingContext ctx, Collection<String> topics) {
    new LinkedHashSet<>(topics).forEach(topic -> Access.require(ctx, Operation.CONSUME, topic));
  }

  /**
   * A topic pattern can match topics that do not exist yet, so no finite check of its matches is sound: only a
   * principal allowed to consume every topic (unrestricted, or granted consume on {@code *}) may subscribe by
   * pattern. Others subscribe to a list of topics, each of which is checked.
   */
  static void requireConsumeAll(RoutingContext ctx) {
    Principal p = Access.principal(ctx);
    boolean everyTopic = p.unrestricted() || p.grants().stream().anyMatch(g -> g.operations()
        .contains(Operation.CONSUME) && g.topicPatterns().stream().anyMatch(TopicAccess::matchesEverything));
    if (!everyTopic) {
      AUDIT.warn("denied: {} {} principal={} lacks consume on every topic (topic_pattern)", ctx.request().method(),
          ctx.request().path(), p.name());
      throw ErrorCode.FORBIDDEN.toException("Not authorized: principal " + p.name()
          + " may not subscribe by topic_pattern, which needs consume permission on every topic (\"*\");"
          + " subscribe to a list of topics instead.");
    }
  }

  private static boolean matchesEverything(String pattern) {
    return !pattern.isEmpty() && pattern.chars().allMatch(c -> c == '*');
  }
}
