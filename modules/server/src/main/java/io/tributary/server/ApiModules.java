package io.tributary.server;

import io.tributary.admin.v2.V2MetadataApi;
import io.tributary.admin.v3.V3AdminApi;
import io.tributary.consumer.v2.V2ConsumerApi;
import io.tributary.core.config.ConfigKeys;
import io.tributary.core.config.TributaryConfig;
import io.tributary.http.ApiModule;
import io.tributary.produce.eventstreams.EventStreamsApi;
import io.tributary.produce.v2.V2ProduceApi;
import io.tributary.produce.v3.V3ProduceApi;
import io.tributary.v1.V1Api;
import java.util.ArrayList;
import java.util.List;

/**
 * Every generation's routes, in mounting order. v1 and v2 share paths and both take the unversioned media types
 * (application/json, vnd.kafka+json, *&#47;*); whichever is mounted first answers those, so the order of the two
 * is what {@code api.default.version} decides. Generations with paths of their own follow.
 */
final class ApiModules {
  private ApiModules() {}

  static List<ApiModule> forConfig(TributaryConfig config) {
    List<ApiModule> v1 = List.of(new V1Api());
    // api.v2.enable=false: v2's media types then find no route (as if v2 did not exist); v1 stays.
    List<ApiModule> v2 = !config.get(ConfigKeys.API_V2_ENABLE) ? List.of() : List.of(
        new V2ProduceApi(),
        new V2MetadataApi(),
        new V2ConsumerApi());
    List<ApiModule> ordered = new ArrayList<>();
    if ("v2".equals(config.get(ConfigKeys.API_DEFAULT_VERSION))) {
      ordered.addAll(v2);
      ordered.addAll(v1);
    } else {
      ordered.addAll(v1);
      ordered.addAll(v2);
    }
    ordered.addAll(ownPaths().stream()
        .filter(m -> config.get(ConfigKeys.API_V3_ENABLE) || !(m instanceof V3ProduceApi || m instanceof V3AdminApi))
        .toList());
    return ordered;
  }

  /** Generations whose paths no other generation uses (v3, the Event Streams producer). */
  private static List<ApiModule> ownPaths() {
    return List.of(new EventStreamsApi(), new V3ProduceApi(), new V3AdminApi());
  }
}
