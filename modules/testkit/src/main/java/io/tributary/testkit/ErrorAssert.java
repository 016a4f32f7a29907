package io.tributary.testkit;

import static org.assertj.core.api.Assertions.assertThat;

/** Assertions on error responses: status, {@code error_code}, a message, and no leaked internals. */
public final class ErrorAssert {
  private ErrorAssert() {}

  /** The reply is an error of this status with this {@code error_code} and a non-empty message. */
  public static void assertError(Http.Reply reply, int status, int errorCode) {
    assertThat(reply.status()).as("status of %s", reply).isEqualTo(status);
    var body = reply.json();
    assertThat(body.getInteger("error_code")).as("error_code of %s", reply).isEqualTo(errorCode);
    assertThat(body.getString("message")).as("message of %s", reply).isNotBlank();
    assertNoInternals(reply);
  }

  /** Nothing that looks like a stack trace or a Java class name leaks into the body. */
  public static void assertNoInternals(Http.Reply reply) {
    assertThat(reply.text()).doesNotContain("\tat ").doesNotContain("Exception:").doesNotContain("java.");
  }
}
