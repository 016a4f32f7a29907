package io.tributary.server;

import io.tributary.core.config.ConfigException;
import io.tributary.core.config.TributaryConfig;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;

/**
 * {@code java -jar tributary.jar [--config FILE]}: runs the proxy; exits 0 after a graceful stop on SIGTERM or
 * SIGINT. {@code java -jar tributary.jar sign-clientauth-csr …} runs that command instead.
 */
public final class Main {
  private static final Logger LOG = LoggerFactory.getLogger(Main.class);
  private static final String USAGE = "usage: java -jar tributary.jar [--config FILE] | --version | --help\n"
      + SignClientAuthCsrCommand.USAGE;

  private Main() {}

  /** The one line that explains a failed start. */
  static String startFailure(Throwable e) {
    Throwable root = e;
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof ConfigException config) {
        return config.getMessage();
      }
      root = t;
    }
    // Not foreseen: the innermost message says most; its first line keeps the output to one line.
    String message = root.getMessage() == null || root.getMessage().isBlank() ? root.getClass().getSimpleName()
        : root.getMessage();
    return message.lines().findFirst().orElse("").strip();
  }

  public static void main(String[] args) {
    if (args.length > 0 && SignClientAuthCsrCommand.NAME.equals(args[0])) {
      System.exit(SignClientAuthCsrCommand.run(args, System.getenv(), System.out, System.err));
    }
    LogFormatSetting.problem(System.getProperty(LogFormatSetting.PROPERTY), System.getenv()).ifPresent(problem -> {
      System.err.println(problem);
      System.exit(2);
    });
    Path configFile = null;
    for (int i = 0; i < args.length; i++) {
      if ("--config".equals(args[i]) && i + 1 < args.length) {
        configFile = Path.of(args[++i]);
      } else if ("--version".equals(args[i])) {
        System.out.println(BuildInfo.current().describe());
        return;
      } else if ("--help".equals(args[i]) || "-h".equals(args[i])) {
        System.out.println(USAGE);
        return;
      } else {
        System.err.println("Unknown argument '" + args[i] + "'. " + USAGE);
        System.exit(2);
      }
    }
    TributaryServer server;
    try {
      TributaryConfig config = ConfigLoader.load(configFile, System.getenv());
      server = TributaryServer.start(config);
    } catch (RuntimeException | Error e) {
      // One line that names the key and value to change; the stack trace is for debugging only. Exiting also ends
      // whatever threads the failed start left behind (a Kafka broker's are not daemons).
      LOG.error("Cannot start: {}", startFailure(e));
      LOG.debug("Start-up failure", e);
      System.exit(1);
      return;
    }
    AtomicReference<TributaryServer> running = new AtomicReference<>(server);
    Runnable stopAndExit = () -> {
      TributaryServer s = running.getAndSet(null);
      if (s != null) {
        s.stop();
      }
      System.exit(0);
    };
    // A plain shutdown hook would stop gracefully too, but the JVM would then exit with 143; handling the signal
    // lets an orchestrator see the clean exit it asked for.
    Signal.handle(new Signal("TERM"), sig -> new Thread(stopAndExit, "tributary-shutdown").start());
    Signal.handle(new Signal("INT"), sig -> new Thread(stopAndExit, "tributary-shutdown").start());
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      TributaryServer s = running.getAndSet(null);
      if (s != null) {
        s.stop();
      }
    }, "tributary-shutdown-hook"));
  }
}
