package dev.cam.plugin.tmux.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * What the fake agent received and answered, one line per event ({@code prompt}, {@code trust},
 * {@code permission}, {@code interrupted}, {@code write}, {@code exit}), so tests can compare the
 * exact text that arrived. Lines are {@code event TAB text} with backslash, newline, carriage
 * return and tab escaped.
 */
public final class Journal {
  /**
   * One recorded event.
   *
   * @param event what happened, e.g. {@code prompt}
   * @param text its text, unescaped
   */
  public record Entry(String event, String text) {}

  private final Path file;

  Journal(Path file) {
    this.file = file;
  }

  void record(String event, String text) {
    if (file == null) {
      return;
    }
    try {
      Files.writeString(
          file,
          event + "\t" + escape(text) + "\n",
          StandardCharsets.UTF_8,
          StandardOpenOption.CREATE,
          StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The entries recorded so far; none when the file does not exist yet. */
  public static List<Entry> read(Path file) {
    if (!Files.exists(file)) {
      return List.of();
    }
    try {
      List<Entry> entries = new ArrayList<>();
      for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        int tab = line.indexOf('\t');
        entries.add(new Entry(line.substring(0, tab), unescape(line.substring(tab + 1))));
      }
      return entries;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Texts of the entries of one kind, in order. */
  public static List<String> texts(Path file, String event) {
    return read(file).stream().filter(e -> e.event().equals(event)).map(Entry::text).toList();
  }

  static String escape(String text) {
    return text.replace("\\", "\\\\")
        .replace("\n", "\\n")
        .replace("\r", "\\r")
        .replace("\t", "\\t");
  }

  static String unescape(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c != '\\' || i + 1 == text.length()) {
        out.append(c);
        continue;
      }
      char next = text.charAt(++i);
      out.append(next == 'n' ? '\n' : next == 'r' ? '\r' : next == 't' ? '\t' : next);
    }
    return out.toString();
  }
}
