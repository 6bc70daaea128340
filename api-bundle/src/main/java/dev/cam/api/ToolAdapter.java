package dev.cam.api;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Extension point: one coding-agent CLI (Claude Code, Codex, Aider, Gemini CLI, or a CLI described
 * by a rules file). Knows how to launch the tool and how to read its screens.
 *
 * <p>Lifecycle: an instance is created by the plugin host when its plugin starts, with the {@link
 * PlatformContext} in its constructor, and dropped when the plugin stops. Threading: {@link
 * #read(Screen)} is called from monitor threads of many agents at once and must be thread-safe and
 * quick (no I/O); the other methods may do I/O.
 */
public interface ToolAdapter {
  /** Stable id used in commands and the store, e.g. {@code "claude"}. */
  String id();

  /** Name shown to people, e.g. {@code "Claude Code"}. */
  default String displayName() {
    return id();
  }

  /** The command line, environment and prompt delivery for one run. */
  LaunchSpec launch(LaunchRequest request);

  /** What this screen says about the tool: state, readiness, prompts, completion, failure. */
  Detection read(Screen screen);

  /**
   * What one structured signal says, when the tool offers them (e.g. Claude Code hooks). A tool
   * whose {@link #launch} sets up signals writes one line per event to the file named by the
   * session's {@code CAM_SIGNAL_FILE} environment variable, when the monitor sets it; the monitor
   * passes each line here. Empty when the line means nothing to the adapter. Pure and quick like
   * {@link #read(Screen)}.
   */
  default Optional<Detection> readSignal(String line) {
    return Optional.empty();
  }

  /**
   * Keys that an idle input prompt echoes and a busy screen swallows, sent by the monitor's probe
   * and then erased; empty when the tool can't be probed.
   */
  default List<String> probeKeys() {
    return List.of();
  }

  /**
   * Keys that make the tool exit by itself, sent by a graceful stop before the session is killed.
   */
  default List<String> exitKeys() {
    return List.of("C-c", "C-c");
  }

  /**
   * Pause between typing a prompt ({@link LaunchSpec#promptOnCommandLine()} false) and pressing
   * Enter; some TUIs drop an Enter that arrives with the text.
   */
  default Duration submitPause() {
    return Duration.ZERO;
  }

  /** Version of the installed CLI, or empty when it is not installed. May run a process. */
  default Optional<String> installedVersion() {
    return Optional.empty();
  }

  /** Health checks for {@code cam doctor}. May run processes. */
  default List<DoctorCheck> doctor() {
    return List.of();
  }
}
