package dev.cam.plugin.tmux.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * Plans how text reaches a pane. One line is typed as bytes ({@code send-keys -H}), in chunks that
 * fit tmux's command size limit. Text with line breaks is pasted from a buffer loaded through stdin
 * ({@code paste-buffer -p -r}): bracketed when the program asked for it, so a TUI takes the lines
 * as one input instead of submitting at the first newline, and line feeds stay line feeds.
 */
public final class TextInput {
  /** Bytes per {@code send-keys -H}: three argument bytes each, well under tmux's 16 KiB. */
  static final int TYPE_CHUNK = 4000;

  private TextInput() {}

  /** Whether the text must be pasted rather than typed. */
  public static boolean needsPaste(String text) {
    return text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0;
  }

  /** One tmux invocation per chunk of typed bytes. */
  public static List<List<String>> typeCommands(String target, String text) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    List<List<String>> invocations = new ArrayList<>();
    for (int from = 0; from < bytes.length; from += TYPE_CHUNK) {
      byte[] chunk = Arrays.copyOfRange(bytes, from, Math.min(bytes.length, from + TYPE_CHUNK));
      List<String> command = new ArrayList<>(List.of("send-keys", "-t", target, "-H"));
      command.addAll(KeyNames.hex(chunk));
      invocations.add(command);
    }
    return invocations;
  }

  /** The commands of one invocation that pastes what is written to tmux's stdin. */
  public static List<List<String>> pasteCommands(String target) {
    String buffer = "cam-paste-" + UUID.randomUUID();
    return List.of(
        List.of("load-buffer", "-b", buffer, "-"),
        List.of("paste-buffer", "-d", "-p", "-r", "-b", buffer, "-t", target));
  }
}
