package dev.cam.plugin.tmux.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Parses the fake agent's script: one step per line, {@code #} comments and blank lines skipped.
 */
final class FakeScript {
  static final Set<String> VERBS =
      Set.of(
          "trust",
          "ready",
          "busy",
          "permission",
          "write",
          "say",
          "done",
          "crash",
          "exit",
          "login",
          "list",
          "sleep",
          "lines",
          "ticks",
          "signal",
          "timed-permission",
          "ready-then-trust",
          "slow-permission",
          "deaf-permission");

  /**
   * One line of the script.
   *
   * @param verb the command, e.g. {@code busy}
   * @param argument the rest of the line, trimmed; may be empty
   */
  record Step(String verb, String argument) {
    /** The argument's first word and the rest, e.g. {@code 2s} and {@code Editing}. */
    String[] split() {
      String[] parts = argument.split("\\s+", 2);
      return new String[] {parts[0], parts.length > 1 ? parts[1] : ""};
    }
  }

  private FakeScript() {}

  static List<Step> parse(Path file) {
    try {
      return parse(Files.readAllLines(file, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read fake agent script " + file, e);
    }
  }

  static List<Step> parse(List<String> lines) {
    List<Step> steps = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      String[] parts = line.split("\\s+", 2);
      if (!VERBS.contains(parts[0])) {
        throw new IllegalArgumentException(
            "line " + (i + 1) + ": unknown step '" + parts[0] + "', use one of " + VERBS);
      }
      steps.add(new Step(parts[0], parts.length > 1 ? parts[1].strip() : ""));
    }
    return steps;
  }

  /** {@code 250ms}, {@code 2s}, {@code 1.5s}, or plain seconds. */
  static Duration duration(String text) {
    if (text.endsWith("ms")) {
      return Duration.ofMillis(Long.parseLong(text.substring(0, text.length() - 2)));
    }
    String seconds = text.endsWith("s") ? text.substring(0, text.length() - 1) : text;
    return Duration.ofMillis(Math.round(Double.parseDouble(seconds) * 1000));
  }

  /** Script text with {@code \n} and {@code \t} escapes turned into the characters. */
  static String text(String escaped) {
    return Journal.unescape(escaped);
  }
}
