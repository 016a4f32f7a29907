package io.tributary.consumer;

import io.tributary.core.consumer.ConsumerRef;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The Kafka {@code group.instance.id} of a consumer instance in cluster mode (static group membership): the same for
 * every copy of the instance on any node, so a copy re-created on another node joins as the same member and the
 * group coordinator fences the older copy instead of splitting the partitions between two live consumers.
 *
 * <p>Kafka accepts only {@code [a-zA-Z0-9._-]}, at most 249 characters; the id is a readable part of the instance
 * name (its legal characters, cut short) and a SHA-256 prefix of principal and name, which tells them apart. The
 * group is not part of it: a static id is scoped to its group already.
 */
final class StaticMemberId {
  private static final int READABLE_MAX = 48;
  private static final int HASH_HEX_CHARS = 32;

  private StaticMemberId() {}

  static String of(ConsumerRef ref) {
    String readable = ref.instance().replaceAll("[^a-zA-Z0-9._-]", "");
    if (readable.length() > READABLE_MAX) {
      readable = readable.substring(0, READABLE_MAX);
    }
    return "tributary-" + readable + "-" + hash(ref.principal() + '\u0000' + ref.instance());
  }

  private static String hash(String identity) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(identity.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest).substring(0, HASH_HEX_CHARS);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }
}
