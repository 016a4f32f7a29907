package io.tributary.formats.registry.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.core.error.TributaryException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RegistryModeTest {

  @Test
  void theSubjectsOwnModeWinsExceptOverAGlobalReadonlyOverride() {
    Optional<RegistryMode> none = Optional.empty();
    assertThat(RegistryMode.inScope(none, none)).isEqualTo(RegistryMode.READWRITE);
    assertThat(RegistryMode.inScope(none, Optional.of(RegistryMode.READONLY))).isEqualTo(RegistryMode.READONLY);
    assertThat(RegistryMode.inScope(Optional.of(RegistryMode.IMPORT), Optional.of(RegistryMode.READONLY)))
        .isEqualTo(RegistryMode.IMPORT);
    assertThat(RegistryMode.inScope(Optional.of(RegistryMode.IMPORT), Optional.of(RegistryMode.READONLY_OVERRIDE)))
        .isEqualTo(RegistryMode.READONLY_OVERRIDE);
  }

  @Test
  void namesParseInAnyCaseAndUnknownOnesDoNot() {
    assertThat(RegistryMode.parse("import")).contains(RegistryMode.IMPORT);
    assertThat(RegistryMode.parse(" READONLY_OVERRIDE ")).contains(RegistryMode.READONLY_OVERRIDE);
    assertThat(RegistryMode.parse("WRITEONLY")).isEmpty();
    assertThat(RegistryMode.parse(null)).isEmpty();
  }

  @Test
  void registrationsFollowTheMode() {
    assertThatCode(() -> RegistryMode.READWRITE.checkRegistration("s", false)).doesNotThrowAnyException();
    assertThatCode(() -> RegistryMode.IMPORT.checkRegistration("s", true)).doesNotThrowAnyException();
    assertRefused(() -> RegistryMode.READWRITE.checkRegistration("s", true), "not in import mode");
    assertRefused(() -> RegistryMode.IMPORT.checkRegistration("s", false), "not in read-write mode");
    for (RegistryMode readOnly : new RegistryMode[] {RegistryMode.READONLY, RegistryMode.READONLY_OVERRIDE}) {
      assertRefused(() -> readOnly.checkRegistration("s", false), "read-only");
      assertRefused(() -> readOnly.checkRegistration("s", true), "read-only");
      assertRefused(() -> readOnly.checkWritable("s"), "read-only");
    }
    assertThatCode(() -> RegistryMode.IMPORT.checkWritable("s")).doesNotThrowAnyException();
  }

  @Test
  void modeRecordsHaveConfluentsLayoutAndApplyAndTombstone() {
    assertThat(new String(StoreRecords.modeKey(null), StandardCharsets.UTF_8))
        .isEqualTo("{\"keytype\":\"MODE\",\"subject\":null,\"magic\":0}");
    assertThat(new String(StoreRecords.modeValue("s", RegistryMode.IMPORT), StandardCharsets.UTF_8))
        .isEqualTo("{\"subject\":\"s\",\"mode\":\"IMPORT\"}");
    RegistryState state = new RegistryState();
    StoreRecords.apply(state, StoreRecords.modeKey(null), StoreRecords.modeValue(null, RegistryMode.READONLY), 0);
    StoreRecords.apply(state, StoreRecords.modeKey("s"), StoreRecords.modeValue("s", RegistryMode.IMPORT), 1);
    assertThat(state.modeInScope("s")).isEqualTo(RegistryMode.IMPORT);
    assertThat(state.modeInScope("other")).isEqualTo(RegistryMode.READONLY);

    StoreRecords.apply(state, StoreRecords.modeKey("s"), "{\"mode\":\"SOMETHING_NEW\"}".getBytes(), 2);
    assertThat(state.modeInScope("s")).as("an unknown mode is skipped").isEqualTo(RegistryMode.IMPORT);

    StoreRecords.apply(state, StoreRecords.modeKey("s"), null, 3);
    StoreRecords.apply(state, StoreRecords.modeKey(null), null, 4);
    assertThat(state.subjectMode("s")).isEmpty();
    assertThat(state.modeInScope("s")).isEqualTo(RegistryMode.READWRITE);
  }

  private static void assertRefused(Runnable check, String message) {
    assertThatThrownBy(check::run).isInstanceOfSatisfying(TributaryException.class, e -> {
      assertThat(e.getMessage()).contains(message);
      assertThat(e.code()).isEqualTo(RegistryErrors.OPERATION_NOT_PERMITTED);
      assertThat(e.status()).isEqualTo(422);
    });
  }
}
