package io.tributary.bench;

/**
 * A proxy scenario made of one {@link HttpWorkload} repeated by an {@link HttpLoadDriver}; the connections are
 * opened on the first phase and kept for the next, as a keep-alive client would.
 */
final class HttpProduceScenario implements Scenario {
  private final String name;
  private final String description;
  private final HttpWorkload workload;
  private final BenchEnvironment env;
  private final int connections;
  private HttpLoadDriver driver;

  HttpProduceScenario(String name, String description, HttpWorkload workload, BenchEnvironment env) {
    this(name, description, workload, env, env.options().connections());
  }

  /** @param connections keep-alive connections of the closed loop, instead of {@code --connections} */
  HttpProduceScenario(String name, String description, HttpWorkload workload, BenchEnvironment env,
      int connections) {
    this.name = name;
    this.description = description;
    this.workload = workload;
    this.env = env;
    this.connections = connections;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public String description() {
    return description;
  }

  @Override
  public PhaseResult run(String topic, Phase phase) {
    if (driver == null) {
      driver = HttpLoadDriver.open(env.clientVertx(), env.proxyUri(), connections);
    }
    return driver.run(workload, topic, phase);
  }

  @Override
  public void close() {
    if (driver != null) {
      driver.close();
    }
  }
}
