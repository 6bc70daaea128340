package dev.cam.plugin.ssh.internal;

import dev.cam.api.InvalidInputException;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Quotes words for the remote POSIX shell, which an SSH server runs every exec command through.
 * Inside single quotes a shell takes every byte literally except the single quote itself, which is
 * written as {@code '\''} (close, escaped quote, reopen).
 */
public final class ShellQuote {
  private ShellQuote() {}

  /** One word, always quoted, so no character has a meaning to the shell. */
  public static String quote(String word) {
    if (word.indexOf('\0') >= 0) {
      throw new InvalidInputException(
          "a NUL byte cannot be passed to a remote command: remove it from the argument");
    }
    return "'" + word.replace("'", "'\\''") + "'";
  }

  /** The words quoted and joined with spaces: one command line for {@code sh -c}. */
  public static String line(List<String> words) {
    return words.stream().map(ShellQuote::quote).collect(Collectors.joining(" "));
  }
}
