package io.tributary.admin.v3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.tributary.core.admin.AclEntry;
import io.tributary.core.error.TributaryException;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AclParamsTest {
  @Test
  void aSearchWithoutParametersMatchesEverything() {
    AclEntry filter = AclParams.searchFilter(Map.<String, String>of()::get);

    assertThat(filter).isEqualTo(new AclEntry("ANY", null, "ANY", null, null, "ANY", "ANY"));
  }

  @Test
  void enumValuesAreReadInAnyCaseAndEmptyStringsMatchAnything() {
    AclEntry filter = AclParams.searchFilter(Map.of("resource_type", "topic", "pattern_type", "Prefixed",
        "resource_name", "", "principal", "User:a")::get);

    assertThat(filter.resourceType()).isEqualTo("TOPIC");
    assertThat(filter.patternType()).isEqualTo("PREFIXED");
    assertThat(filter.resourceName()).isNull();
    assertThat(filter.principal()).isEqualTo("User:a");
  }

  @Test
  void unknownAndUnheardOfValuesAre400() {
    assertThat(failure(() -> AclParams.searchFilter(Map.of("operation", "UNKNOWN")::get)).getMessage())
        .isEqualTo("operation cannot be UNKNOWN");
    assertThat(failure(() -> AclParams.searchFilter(Map.of("permission", "MAYBE")::get)).code()).isEqualTo(400);
  }

  @Test
  void deletingNeedsTheFourEnums() {
    Map<String, String> three = Map.of("resource_type", "TOPIC", "pattern_type", "LITERAL", "operation", "READ");

    assertThat(failure(() -> AclParams.deleteFilter(three::get)).getMessage())
        .isEqualTo("permission cannot be unspecified or UNKNOWN");
  }

  @Test
  void aCreatedAclMustBeConcrete() {
    JsonObject acl = new JsonObject().put("resource_type", "TOPIC").put("resource_name", "t")
        .put("pattern_type", "MATCH").put("principal", "User:a").put("host", "*").put("operation", "READ")
        .put("permission", "ALLOW");

    assertThat(failure(() -> AclParams.acl(V3Body.of(acl, AclParams.FIELDS))).getMessage())
        .isEqualTo("pattern_type cannot be MATCH");
    acl.put("pattern_type", "literal");
    assertThat(AclParams.acl(V3Body.of(acl, AclParams.FIELDS)).patternType()).isEqualTo("LITERAL");
    acl.remove("host");
    assertThat(failure(() -> AclParams.acl(V3Body.of(acl, AclParams.FIELDS))).code()).isEqualTo(42206);
    assertThat(failure(() -> V3Body.of(acl.put("x", 1), Set.of("host"))).code()).isEqualTo(422);
  }

  private static TributaryException failure(Runnable action) {
    return catchThrowableOfType(TributaryException.class, action::run);
  }
}
