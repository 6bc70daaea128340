package dev.cam.plugin.tmux.command;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Plans how text reaches a pane. A short line is typed as bytes ({@code send-keys -H}), which
 * neither the locale nor tmux's argument parsing can alter. Text with line breaks, or longer than
 * {@value #TYPE_LIMIT} bytes, is pasted from a buffer loaded through stdin ({@code paste-buffer -p
 * -r}): tmux handles typed text key by key (about half a millisecond each), a paste in one write;
 * bracketed when the program asked for it, so a TUI takes the lines as one input instead of
 * submitting at the first newline; line feeds stay line feeds.
 */
public final class TextInput {
  /** Longest text typed key by key. */
  static final int TYPE_LIMIT = 256;

  private TextInput() {}

  /** Whether the text must be pasted rather than typed. */
  public static boolean needsPaste(String text) {
    return text.indexOf('\n') >= 0
        || text.indexOf('\r') >= 0
        || text.length() > TYPE_LIMIT
        || text.getBytes(StandardCharsets.UTF_8).length > TYPE_LIMIT;
  }

  /** The command that types a short text. */
  public static List<String> typeCommand(String target, String text) {
    List<String> command = new ArrayList<>(List.of("send-keys", "-t", target, "-H"));
    command.addAll(KeyNames.hex(text.getBytes(StandardCharsets.UTF_8)));
    return command;
  }

  /** The commands of one invocation that pastes what is written to tmux's stdin. */
  public static List<List<String>> pasteCommands(String target) {
    String buffer = "cam-paste-" + UUID.randomUUID();
    return List.of(
        List.of("load-buffer", "-b", buffer, "-"),
        List.of("paste-buffer", "-d", "-p", "-r", "-b", buffer, "-t", target));
  }
}
