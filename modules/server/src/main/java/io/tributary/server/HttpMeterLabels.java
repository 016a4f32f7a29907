package io.tributary.server;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import io.tributary.http.ApiModule;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * The labels of Vert.x's HTTP server meters ({@code vertx_http_server_*}). Vert.x labels a request with the names of
 * the routes that handled it; Tributary names every route "{@code <generation> <path template>}" when it is mounted
 * ({@link #nameRoutes}), and this filter splits that name into the {@code generation} and {@code route} labels and
 * turns the status code into its class. Only templates ever reach a label, never a raw path: a request no route took
 * (a 404 for any path at all) is {@code route="unmatched"}, so hostile paths cannot grow the label sets.
 */
final class HttpMeterLabels {
  static final String UNMATCHED = "unmatched";
  /** Routes of the embedded schema registry's own listener are not renamed; their names are bare templates. */
  static final String REGISTRY = "registry";
  static final String NONE = "none";
  private static final String HTTP_SERVER = "vertx.http.server.";

  private HttpMeterLabels() {}

  static void install(MeterRegistry registry) {
    registry.config().meterFilter(new MeterFilter() {
      @Override
      public Meter.Id map(Meter.Id id) {
        return id.getName().startsWith(HTTP_SERVER) ? relabel(id) : id;
      }

      @Override
      public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
        if (!id.getName().equals(HTTP_SERVER + "response.time")) {
          return config;
        }
        // Buckets for histogram_quantile(); the range bounds how many there are.
        return DistributionStatisticConfig.builder().percentilesHistogram(true)
            .minimumExpectedValue((double) Duration.ofMillis(1).toNanos())
            .maximumExpectedValue((double) Duration.ofSeconds(60).toNanos()).build().merge(config);
      }
    });
  }

  /**
   * Runs {@code mounting} and names every route with a path that it added "{@code <generation> <path>}". Routes
   * without a path (handlers for every request) keep no name, so Vert.x leaves them out of the route label.
   */
  static void nameRoutes(Router router, String generation, Runnable mounting) {
    Set<Route> before = Collections.newSetFromMap(new IdentityHashMap<>());
    before.addAll(router.getRoutes());
    mounting.run();
    for (Route route : router.getRoutes()) {
      // getName() falls back to the path, or to the regular expression of a route that needs one.
      if (!before.contains(route) && route.getName() != null) {
        route.setName(generation + " " + template(route.getName()));
      }
    }
  }

  /**
   * A route's path as a template: Vert.x turns paths it cannot match literally (v3's {@code records:batch}) into
   * regular expressions with quoted parts and named groups; this gives back {@code /v3/clusters/:cluster_id/...}.
   */
  static String template(String name) {
    return name.replaceAll("\\(\\?<([A-Za-z0-9_]+)>[^)]*\\)", ":$1").replace("\\Q", "").replace("\\E", "");
  }

  /** The {@code generation} label of an API module's routes. */
  static String generation(ApiModule module) {
    String name = module.getClass().getSimpleName();
    if (name.startsWith("V1")) {
      return "v1";
    } else if (name.startsWith("V2")) {
      return "v2";
    } else if (name.startsWith("V3")) {
      return "v3";
    } else if (name.startsWith("EventStreams")) {
      return "eventstreams";
    }
    return "other";
  }

  private static Meter.Id relabel(Meter.Id id) {
    List<Tag> tags = new ArrayList<>();
    for (Tag tag : id.getTagsAsIterable()) {
      switch (tag.getKey()) {
        case "route" -> {
          String[] generationAndRoute = split(tag.getValue());
          tags.add(Tag.of("generation", generationAndRoute[0]));
          tags.add(Tag.of("route", generationAndRoute[1]));
        }
        case "code" -> tags.add(Tag.of("status_class", statusClass(tag.getValue())));
        default -> tags.add(tag);
      }
    }
    return id.replaceTags(tags);
  }

  /** Vert.x joins the names of all routes that handled a request with '>'; the last one answered it. */
  static String[] split(String routes) {
    String joined = template(routes);
    String last = joined.substring(joined.lastIndexOf('>') + 1);
    if (last.isEmpty()) {
      return new String[] {NONE, UNMATCHED};
    }
    int space = last.indexOf(' ');
    if (space < 0) {
      return new String[] {REGISTRY, last};
    }
    return new String[] {last.substring(0, space), last.substring(space + 1)};
  }

  private static String statusClass(String code) {
    return code.length() == 3 && Character.isDigit(code.charAt(0)) ? code.charAt(0) + "xx" : "other";
  }
}
