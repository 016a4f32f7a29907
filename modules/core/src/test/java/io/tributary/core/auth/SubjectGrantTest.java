package io.tributary.core.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SubjectGrantTest {
  @Test
  void operationsAreWrittenWithADash() {
    assertThat(Operation.parse("schema-read")).contains(Operation.SCHEMA_READ);
    assertThat(Operation.parse(" Schema-Write ")).contains(Operation.SCHEMA_WRITE);
    assertThat(Operation.SCHEMA_WRITE.wireName()).isEqualTo("schema-write");
    assertThat(Operation.parse("schema")).isEmpty();
  }

  @Test
  void subjectPatternsAreGlobsAndWriteIncludesRead() {
    Principal p = Principal.restricted("app", List.of(
        new Grant(List.of(), List.of("orders-*"), Set.of(Operation.SCHEMA_WRITE)),
        new Grant(List.of(), List.of("payments-value"), Set.of(Operation.SCHEMA_READ))));
    assertThat(p.mayOnSubject(Operation.SCHEMA_WRITE, "orders-value")).isTrue();
    assertThat(p.mayOnSubject(Operation.SCHEMA_READ, "orders-key")).isTrue();
    assertThat(p.mayOnSubject(Operation.ADMIN, "orders-value")).isFalse();
    assertThat(p.mayOnSubject(Operation.SCHEMA_READ, "payments-value")).isTrue();
    assertThat(p.mayOnSubject(Operation.SCHEMA_WRITE, "payments-value")).isFalse();
    assertThat(p.mayOnSubject(Operation.SCHEMA_READ, "payments-key")).isFalse();
    assertThat(p.mayOnSubject(Operation.SCHEMA_READ, "my-orders-value")).isFalse();
    assertThat(p.administersRegistry()).isFalse();
    // subjects say nothing about topics
    assertThat(p.may(Operation.PRODUCE, "orders-value")).isFalse();
  }

  @Test
  void aGrantWithoutSubjectsCoversItsTopicsKeyAndValueSubjects() {
    Principal producer = Principal.restricted("app", List.of(new Grant(List.of("orders*"), Set.of(Operation.PRODUCE))));
    assertThat(producer.mayOnSubject(Operation.SCHEMA_WRITE, "orders-value")).isTrue();
    assertThat(producer.mayOnSubject(Operation.SCHEMA_WRITE, "orders-eu-key")).isTrue();
    assertThat(producer.mayOnSubject(Operation.SCHEMA_READ, "orders")).isFalse();
    assertThat(producer.mayOnSubject(Operation.SCHEMA_READ, "payments-value")).isFalse();
    assertThat(producer.mayOnSubject(Operation.ADMIN, "orders-value")).isFalse();

    Principal everywhere = Principal.restricted("all", List.of(new Grant(List.of("*"), Set.of(Operation.PRODUCE))));
    assertThat(everywhere.mayOnSubject(Operation.SCHEMA_WRITE, "com.acme.Order")).isTrue();
    assertThat(everywhere.administersRegistry()).isFalse();

    Principal consumer = Principal.restricted("c", List.of(new Grant(List.of("orders"), Set.of(Operation.CONSUME))));
    assertThat(consumer.mayOnSubject(Operation.SCHEMA_READ, "orders-value")).isTrue();
    assertThat(consumer.mayOnSubject(Operation.SCHEMA_WRITE, "orders-value")).isFalse();
  }

  @Test
  void onlyAdminOverEverySubjectAdministersTheRegistry() {
    Grant topicAdminOfAll = new Grant(List.of("*"), Set.of(Operation.ADMIN));
    Grant topicAdminOfSome = new Grant(List.of("orders*"), Set.of(Operation.ADMIN));
    Grant subjectAdminOfAll = new Grant(List.of(), List.of("*"), Set.of(Operation.ADMIN));
    Grant writerOfAll = new Grant(List.of(), List.of("*"), Set.of(Operation.SCHEMA_WRITE));
    assertThat(Principal.restricted("a", List.of(topicAdminOfAll)).administersRegistry()).isTrue();
    assertThat(Principal.restricted("a", List.of(subjectAdminOfAll)).administersRegistry()).isTrue();
    assertThat(Principal.restricted("a", List.of(topicAdminOfSome)).administersRegistry()).isFalse();
    assertThat(Principal.restricted("a", List.of(writerOfAll)).administersRegistry()).isFalse();
    assertThat(Principal.restricted("a", List.of(topicAdminOfSome)).mayOnSubject(Operation.ADMIN, "orders-value"))
        .isTrue();
    assertThat(Principal.ANONYMOUS.administersRegistry()).isTrue();
    assertThat(Principal.ANONYMOUS.mayOnSubject(Operation.ADMIN, "x")).isTrue();
  }
}
