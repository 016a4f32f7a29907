package io.tributary.formats.registry.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.formats.registry.RegisteredSchema;
import io.tributary.formats.registry.SchemaRegistryClient;
import io.tributary.formats.registry.SchemaRegistryException;
import io.tributary.formats.registry.SubjectVersion;
import io.tributary.formats.schema.SchemaType;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class CachingSchemaRegistryClientTest {
  private final FakeRegistry registry = new FakeRegistry();
  private final AtomicLong now = new AtomicLong(1_000);
  private final CachingSchemaRegistryClient client = new CachingSchemaRegistryClient(registry, 5_000, now::get);

  @Test
  void concurrentQuestionsShareOneRequestAndTheAnswerIsKept() {
    Future<RegisteredSchema> first = client.getById(1);
    Future<RegisteredSchema> second = client.getById(1);
    assertThat(registry.calls).containsExactly("getById 1");

    registry.answer(0, new RegisteredSchema(1, SchemaType.AVRO, "\"int\""));

    assertThat(first.result()).isEqualTo(second.result());
    assertThat(client.getById(1).result().schema()).isEqualTo("\"int\"");
    assertThat(registry.calls).hasSize(1);
  }

  @Test
  void failuresAreNotKept() {
    Future<SubjectVersion> failed = client.getVersion("s", 1);
    registry.pending.get(0).fail(new SchemaRegistryException(40401, "Subject 's' not found."));
    assertThat(failed.failed()).isTrue();

    client.getVersion("s", 1);
    assertThat(registry.calls).containsExactly("getVersion s 1", "getVersion s 1");
  }

  @Test
  void aVersionAnswerAlsoAnswersItsId() {
    client.lookup("s", SchemaType.JSON, "{}");
    registry.answer(0, new SubjectVersion("s", 1, 9, SchemaType.JSON, "{}"));

    assertThat(client.getById(9).result()).isEqualTo(new RegisteredSchema(9, SchemaType.JSON, "{}"));
    assertThat(registry.calls).containsExactly("lookup s");
  }

  @Test
  void latestIsReusedForItsTimeToLiveOnly() {
    client.getLatest("s");
    registry.answer(0, new SubjectVersion("s", 1, 1, SchemaType.AVRO, "\"int\""));
    now.addAndGet(4_999);
    assertThat(client.getLatest("s").result().version()).isEqualTo(1);
    assertThat(registry.calls).hasSize(1);

    now.addAndGet(1);
    Future<SubjectVersion> refreshed = client.getLatest("s");
    registry.answer(1, new SubjectVersion("s", 2, 2, SchemaType.AVRO, "\"long\""));
    assertThat(refreshed.result().version()).isEqualTo(2);
    assertThat(registry.calls).hasSize(2);
  }

  /** Records every question and leaves the answer to the test. */
  private static final class FakeRegistry implements SchemaRegistryClient {
    final List<String> calls = new ArrayList<>();
    final List<Promise<?>> pending = new ArrayList<>();

    /** Answers the {@code index}th question; the test passes the record type that question's call returns. */
    @SuppressWarnings("unchecked") // each promise was made for its call's reply type, which the test knows
    void answer(int index, Object reply) {
      ((Promise<Object>) pending.get(index)).complete(reply);
    }

    private <T> Future<T> ask(String call) {
      calls.add(call);
      Promise<T> promise = Promise.promise();
      pending.add(promise);
      return promise.future();
    }

    @Override
    public Future<Integer> register(String subject, SchemaType type, String schema) {
      return ask("register " + subject);
    }

    @Override
    public Future<RegisteredSchema> getById(int id) {
      return ask("getById " + id);
    }

    @Override
    public Future<SubjectVersion> getLatest(String subject) {
      return ask("getLatest " + subject);
    }

    @Override
    public Future<SubjectVersion> getVersion(String subject, int version) {
      return ask("getVersion " + subject + " " + version);
    }

    @Override
    public Future<SubjectVersion> lookup(String subject, SchemaType type, String schema) {
      return ask("lookup " + subject);
    }
  }
}
