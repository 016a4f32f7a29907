package io.tributary.formats.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CompatibilityCheckTest {
  /** A schema is a set of letters; a reader can read a writer when it knows every letter the writer writes. */
  private record Letters(String canonical, SchemaType type) implements ParsedSchema {
    Letters(String canonical) {
      this(canonical, SchemaType.AVRO);
    }

    @Override
    public Optional<String> recordName() {
      return Optional.empty();
    }
  }

  private static final class LetterFormat implements SchemaFormat {
    final List<String> asked = new ArrayList<>();

    @Override
    public SchemaType type() {
      return SchemaType.AVRO;
    }

    @Override
    public ParsedSchema parse(String schemaText) {
      return new Letters(schemaText);
    }

    @Override
    public byte[] jsonToPayload(ParsedSchema schema, Object jsonValue) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Object payloadToJson(ParsedSchema schema, byte[] payload) {
      throw new UnsupportedOperationException();
    }

    @Override
    public List<String> readProblems(ParsedSchema reader, ParsedSchema writer) {
      asked.add(reader.canonical() + "<" + writer.canonical());
      List<String> problems = new ArrayList<>();
      for (char c : writer.canonical().toCharArray()) {
        if (reader.canonical().indexOf(c) < 0) {
          problems.add(reader.canonical() + " cannot read " + c);
        }
      }
      return problems;
    }
  }

  private final LetterFormat format = new LetterFormat();
  private final List<ParsedSchema> history = List.of(new Letters("a"), new Letters("ab"));

  @Test
  void backwardAsksWhetherTheNewSchemaReadsTheLatest() {
    assertThat(format.isCompatible(new Letters("abc"), history, CompatibilityLevel.BACKWARD)).isTrue();
    assertThat(format.asked).containsExactly("abc<ab");
    assertThat(format.compatibilityProblems(new Letters("a"), history, CompatibilityLevel.BACKWARD))
        .containsExactly("BACKWARD: a cannot read b");
  }

  @Test
  void forwardAsksWhetherTheLatestReadsTheNewSchema() {
    assertThat(format.isCompatible(new Letters("a"), history, CompatibilityLevel.FORWARD)).isTrue();
    assertThat(format.isCompatible(new Letters("abc"), history, CompatibilityLevel.FORWARD)).isFalse();
  }

  @Test
  void fullAsksBothAndTransitiveAsksEveryVersion() {
    assertThat(format.isCompatible(new Letters("ba"), history, CompatibilityLevel.FULL)).isTrue();
    assertThat(format.isCompatible(new Letters("ba"), history, CompatibilityLevel.FULL_TRANSITIVE)).isFalse();
    assertThat(format.compatibilityProblems(new Letters("b"), history, CompatibilityLevel.BACKWARD_TRANSITIVE))
        .containsExactly("BACKWARD: b cannot read a", "BACKWARD: b cannot read a");
    assertThat(format.isCompatible(new Letters("a"), history, CompatibilityLevel.FORWARD_TRANSITIVE)).isTrue();
  }

  @Test
  void noneAndAnEmptyHistoryAcceptAnything() {
    assertThat(format.isCompatible(new Letters("z"), history, CompatibilityLevel.NONE)).isTrue();
    assertThat(format.isCompatible(new Letters("z"), List.of(), CompatibilityLevel.FULL_TRANSITIVE)).isTrue();
    assertThat(format.asked).isEmpty();
  }

  @Test
  void aTypeChangeIsNeverCompatible() {
    List<String> problems = format.compatibilityProblems(
        new Letters("ab", SchemaType.JSON), history, CompatibilityLevel.BACKWARD);
    assertThat(problems).containsExactly("Schema type changed from AVRO to JSON");
  }
}
