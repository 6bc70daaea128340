package dev.cam.plugin.codex;

import java.util.List;

/**
 * The {@code -c notify=[…]} override that makes Codex append each notification (one JSON object,
 * given as the notify program's last argument) as a line to {@code $CAM_SIGNAL_FILE}. Without that
 * variable the program does nothing, so launching with it is always safe. Codex calls it when a
 * turn completes ({@code agent-turn-complete}), not for approvals. It replaces a {@code notify}
 * program of the user's own config for the runs CAM starts.
 */
final class CodexNotify {
  // POSIX sh, the JSON as $1. JSON holds no raw newline, so dropping them and adding one gives
  // exactly one line per notification.
  static final String SCRIPT =
      "[ -z \"$CAM_SIGNAL_FILE\" ] || { printf '%s' \"$1\" | tr -d '\\n'; echo; }"
          + " >> \"$CAM_SIGNAL_FILE\"";

  private CodexNotify() {}

  /** The two command-line arguments: {@code -c} and the TOML assignment. */
  static List<String> args() {
    return List.of("-c", "notify=[\"sh\", \"-c\", " + toml(SCRIPT) + ", \"cam-notify\"]");
  }

  /** A TOML basic string. */
  private static String toml(String text) {
    return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }
}
