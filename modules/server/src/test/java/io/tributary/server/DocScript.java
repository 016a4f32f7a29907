package io.tributary.server;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The shell examples of a Markdown document, as the steps a reader would type. Shell examples are the fenced
 * blocks without a language (or marked {@code sh}); blocks in another language ({@code json}, {@code properties},
 * {@code text}) are shown, not run. Inside a shell block:
 * <ul>
 *   <li>a command is one line, or several joined by a trailing {@code \}, an open quote or a here-document;</li>
 *   <li>{@code # expect: 401} before a command says the reader should see that status (otherwise any 2xx);</li>
 *   <li>{@code # → text} after a command is what it prints, {@code …} standing for anything;</li>
 *   <li>other {@code #} lines and trailing comments are for the reader.</li>
 * </ul>
 */
final class DocScript {
  /** What a step does, judged by how its command starts. */
  enum Kind { START, CURL, ASSIGN, SHELL }

  /** One command of the document, with what the document says it answers. */
  record Step(Kind kind, String command, int line, Integer expectedStatus, String expectedOutput) {
    Step withOutput(String output) {
      return new Step(kind, command, line, expectedStatus, output);
    }
  }

  private static final Pattern FENCE = Pattern.compile("^```\\s*(\\S*)\\s*$");
  private static final Pattern EXPECT = Pattern.compile("^#\\s*expect:\\s*(\\d{3})\\s*$");
  private static final Pattern OUTPUT = Pattern.compile("^#\\s*→\\s?(.*)$");
  private static final Pattern HEREDOC = Pattern.compile("<<-?\\s*'?(\\w+)'?");
  private static final Pattern ASSIGNMENT = Pattern.compile("^[A-Za-z_][A-Za-z0-9_]*=\\S.*");

  private DocScript() {}

  /** The steps of every shell block of {@code markdown}, or only of those under the heading {@code section}. */
  static List<Step> parse(String markdown, String section) {
    List<Step> steps = new ArrayList<>();
    String[] lines = markdown.split("\n", -1);
    boolean inSection = section == null;
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      if (section != null && line.startsWith("#") && !line.startsWith("#######")) {
        Matcher heading = Pattern.compile("^(#+)\\s+(.*)$").matcher(line);
        if (heading.matches() && heading.group(1).length() <= 3) {
          inSection = heading.group(2).trim().equals(section);
        }
      }
      Matcher fence = FENCE.matcher(line);
      if (!fence.matches()) {
        continue;
      }
      int end = i + 1;
      while (end < lines.length && !lines[end].startsWith("```")) {
        end++;
      }
      String language = fence.group(1);
      if (inSection && (language.isEmpty() || language.equals("sh"))) {
        parseBlock(lines, i + 1, end, steps);
      }
      i = end;
    }
    return steps;
  }

  private static void parseBlock(String[] lines, int from, int to, List<Step> steps) {
    Integer expected = null;
    int i = from;
    while (i < to) {
      String line = lines[i].strip();
      Matcher expect = EXPECT.matcher(line);
      Matcher output = OUTPUT.matcher(line);
      if (line.isEmpty()) {
        i++;
      } else if (expect.matches()) {
        expected = Integer.valueOf(expect.group(1));
        i++;
      } else if (output.matches()) {
        if (steps.isEmpty()) {
          throw new IllegalStateException("line " + (i + 1) + ": an output with no command before it");
        }
        Step last = steps.remove(steps.size() - 1);
        steps.add(last.withOutput(output.group(1).strip()));
        i++;
      } else if (line.startsWith("#")) {
        i++;
      } else {
        int start = i;
        StringBuilder command = new StringBuilder(lines[i]);
        Matcher heredoc = HEREDOC.matcher(lines[i]);
        if (heredoc.find()) {
          String terminator = heredoc.group(1);
          do {
            i++;
            command.append('\n').append(lines[i]);
          } while (!lines[i].strip().equals(terminator));
        } else {
          while (continues(command.toString())) {
            i++;
            command.append('\n').append(lines[i]);
          }
        }
        i++;
        steps.add(new Step(kindOf(command.toString()), command.toString(), start + 1, expected, null));
        expected = null;
      }
    }
  }

  private static Kind kindOf(String command) {
    if (command.startsWith("curl ")) {
      return Kind.CURL;
    }
    if (command.startsWith("mvn ") || command.startsWith("java -jar ")) {
      return Kind.START;
    }
    return ASSIGNMENT.matcher(command).matches() && !command.contains(" ") ? Kind.ASSIGN : Kind.SHELL;
  }

  /** Whether the shell would read another line: a trailing backslash, or a quote still open. */
  private static boolean continues(String command) {
    boolean single = false;
    boolean dbl = false;
    for (int i = 0; i < command.length(); i++) {
      char c = command.charAt(i);
      if (single) {
        single = c != '\'';
      } else if (c == '\\' && i + 1 < command.length()) {
        i++;
      } else if (c == '\'' && !dbl) {
        single = true;
      } else if (c == '"') {
        dbl = !dbl;
      } else if (c == '#' && !dbl && (i == 0 || Character.isWhitespace(command.charAt(i - 1)))) {
        int nl = command.indexOf('\n', i);
        if (nl < 0) {
          return false;
        }
        i = nl;
      }
    }
    return single || dbl || command.endsWith("\\");
  }
}
