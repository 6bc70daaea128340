package dev.cam.distribution.agents;

import dev.cam.plugin.tmux.testkit.Prerequisites;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the real agent CLIs are. Locally a missing one skips its test with what to install; under
 * {@code CI=true} it fails it ({@code .ci/run} installs them).
 */
final class RealClis {
  static final String INSTALL =
      "install them with npm install -g @anthropic-ai/claude-code @openai/codex @google/gemini-cli";

  /** Where {@code .ci/run} installs the latest Claude Code; {@code CAM_TEST_CLAUDE_LATEST} wins. */
  static final String LATEST_PREFIX = ".cache/cam-test/claude-latest";

  private RealClis() {}

  /** The global {@code claude} (2.1.197 on Node 20). */
  static String claude() {
    Prerequisites.require("claude", INSTALL, "claude", "--version");
    return "claude";
  }

  static String codex() {
    Prerequisites.require("codex", INSTALL, "codex", "--version");
    return "codex";
  }

  static String gemini() {
    Prerequisites.require("gemini", INSTALL, "gemini", "--version");
    return "gemini";
  }

  /**
   * The latest Claude Code, installed apart from the global one: {@code $CAM_TEST_CLAUDE_LATEST}
   * (an npm prefix) or {@code ~/.cache/cam-test/claude-latest}.
   */
  static String claudeLatest() {
    String prefix = System.getenv("CAM_TEST_CLAUDE_LATEST");
    Path dir =
        prefix == null || prefix.isBlank()
            ? Path.of(System.getProperty("user.home")).resolve(LATEST_PREFIX)
            : Path.of(prefix);
    Path bin = dir.resolve("node_modules/.bin/claude");
    Prerequisites.require(
        "the latest Claude Code in " + dir,
        "install it with npm install --prefix "
            + dir
            + " @anthropic-ai/claude-code@latest (or set CAM_TEST_CLAUDE_LATEST to such a prefix)",
        Files.isExecutable(bin) ? bin.toString() : "false",
        "--version");
    return bin.toString();
  }
}
