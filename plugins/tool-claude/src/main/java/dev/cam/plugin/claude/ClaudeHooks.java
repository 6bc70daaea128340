package dev.cam.plugin.claude;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The {@code --settings} JSON that makes Claude Code append each hook event (one JSON object on
 * stdin) as a line to {@code $CAM_SIGNAL_FILE}. Without that variable the hooks do nothing, so
 * launching with them is always safe; Claude merges them with the user's own hooks.
 */
final class ClaudeHooks {
  static final List<String> EVENTS =
      List.of(
          "SessionStart",
          "UserPromptSubmit",
          "PreToolUse",
          "PermissionRequest",
          "PostToolUse",
          "Notification",
          "Stop",
          "StopFailure",
          "SessionEnd");
  // Runs in Claude's shell. JSON holds no raw newline, so dropping them and adding one gives
  // exactly one line per event whether or not Claude ends its JSON with a newline.
  static final String COMMAND =
      "[ -z \\\"$CAM_SIGNAL_FILE\\\" ] || { tr -d '\\\\n'; echo; } >> \\\"$CAM_SIGNAL_FILE\\\"";

  private ClaudeHooks() {}

  static String settingsJson() {
    String hook =
        "[{\"hooks\":[{\"type\":\"command\",\"command\":\"" + COMMAND + "\",\"timeout\":10}]}]";
    return EVENTS.stream()
        .map(e -> "\"" + e + "\":" + hook)
        .collect(Collectors.joining(",", "{\"hooks\":{", "}}"));
  }
}
