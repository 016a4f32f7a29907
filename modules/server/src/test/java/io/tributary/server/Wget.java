package io.tributary.server;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Debian's wget, which does TLS with GnuTLS, as the Event Streams documentation uses it to check a client
 * certificate. GnuTLS parses certificates more strictly than OpenSSL (curl) or the JDK, so a certificate only those
 * accept is caught here. {@link #requireGnuTls()} installs wget when it is missing and the tests run as root, and
 * otherwise fails: a test that needs wget never passes without having run it.
 */
final class Wget {
  private static final Path BINARY = Path.of("/usr/bin/wget");
  private static final Pattern STATUS_LINE = Pattern.compile("(?m)^\\s*HTTP/\\S+ (\\d{3})");
  private static final Path ROOT_DIR = Path.of("/");

  private Wget() {}

  /** The status of the last response wget printed with {@code -S} (on standard error); -1 when it got none. */
  static int status(Shell.Result result) {
    Matcher matcher = STATUS_LINE.matcher(result.stderr());
    int status = -1;
    while (matcher.find()) {
      status = Integer.parseInt(matcher.group(1));
    }
    return status;
  }

  /** Makes sure a GnuTLS-based wget is at /usr/bin/wget: installs Debian's package as root, else fails clearly. */
  static synchronized void requireGnuTls() {
    if (!Files.isExecutable(BINARY)) {
      install();
    }
    String version = Shell.run(ROOT_DIR, 30, List.of(BINARY.toString(), "--version")).stdout();
    if (!version.contains("+ssl/gnutls")) {
      throw new IllegalStateException("This test needs a wget built with GnuTLS (Debian's); " + BINARY
          + " reports: " + version.lines().findFirst().orElse("nothing"));
    }
  }

  private static void install() {
    if (!Shell.run(ROOT_DIR, 30, List.of("id", "-u")).stdout().strip().equals("0")) {
      throw new IllegalStateException(BINARY + " is missing and the tests do not run as root, so it cannot be"
          + " installed here: run `apt-get install -y wget` (Debian's wget uses GnuTLS, which this test needs)");
    }
    Shell.Result result = Shell.run(ROOT_DIR, 600, List.of("apt-get", "install", "-y", "wget"));
    if (result.exitCode() != 0) {
      // A fresh container often has no package lists yet.
      Shell.run(ROOT_DIR, 600, List.of("apt-get", "update"));
      result = Shell.run(ROOT_DIR, 600, List.of("apt-get", "install", "-y", "wget"));
    }
    if (result.exitCode() != 0 || !Files.isExecutable(BINARY)) {
      throw new IllegalStateException("wget is missing and `apt-get install -y wget` failed (exit "
          + result.exitCode() + "): " + result.stderr().strip());
    }
  }
}
