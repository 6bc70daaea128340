package dev.cam.distribution.agents;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** {@code ~/.claude.json} for a fresh home: what a person's first start would have written. */
final class ClaudeHome {
  private ClaudeHome() {}

  /**
   * Onboarding done (theme, welcome), so the first screen is the folder-trust dialog; with {@code
   * apiKey}, that key approved, so no "use this API key?" question follows. The trust dialog itself
   * is left for CAM to answer.
   */
  static void prepare(Path home, String apiKey) throws IOException {
    ObjectMapper json = new ObjectMapper();
    ObjectNode root = json.createObjectNode().put("hasCompletedOnboarding", true);
    if (apiKey != null) {
      ObjectNode responses = root.putObject("customApiKeyResponses");
      responses.putArray("approved").add(apiKey.substring(apiKey.length() - 20));
      responses.putArray("rejected");
    }
    Files.writeString(home.resolve(".claude.json"), json.writeValueAsString(root));
  }
}
