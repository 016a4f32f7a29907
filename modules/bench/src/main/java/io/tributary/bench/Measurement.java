package io.tributary.bench;

import java.util.List;

/**
 * One entry of the harness's menu, run on its own: a produce {@link Scenario} (see {@link ProduceMeasurement}),
 * or a measurement with its own shape such as draining a topic or holding many consumer instances. Returns the
 * rows it contributes to the report, each naming the row its ratio is taken against.
 */
interface Measurement extends AutoCloseable {

  List<ScenarioResult> run() throws Exception;

  @Override
  default void close() {}
}
