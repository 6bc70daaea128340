package dev.cam.plugin.cli.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cam.plugin.cli.CliRig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code cam run}'s options left unset come from the configuration; given ones win. */
class RunOptionsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir Path temp;
  private CliRig rig;

  @BeforeEach
  void setUp() {
    rig = new CliRig(temp, Map.of("CAM_RETRY_MAX", "4", "CAM_TOOLS__FAKE__AUTO_CONFIRM", "false"));
  }

  @AfterEach
  void tearDown() {
    rig.close();
  }

  @Test
  void unsetRetryAndAutoConfirmComeFromTheConfiguration() throws Exception {
    JsonNode options = dryRun();

    assertEquals(4, options.get("retries").asInt(), options.toString());
    assertEquals(false, options.get("auto_confirm").asBoolean(), options.toString());
  }

  @Test
  void flagsWinOverTheConfigurationEvenWhenTheyGiveTheBuiltInValues() throws Exception {
    JsonNode options = dryRun("--retry", "0", "--auto-confirm");

    assertEquals(0, options.get("retries").asInt(), options.toString());
    assertEquals(true, options.get("auto_confirm").asBoolean(), options.toString());
  }

  @Test
  void noAutoConfirmStillTurnsAnsweringOff() throws Exception {
    rig.close();
    rig = new CliRig(temp.resolve("plain"));

    assertEquals(false, dryRun("--no-auto-confirm").get("auto_confirm").asBoolean());
  }

  private JsonNode dryRun(String... flags) throws Exception {
    List<String> args =
        new ArrayList<>(
            List.of("run", "fake", "x", "--dry-run", "--json", "--env", "FAKE_SCRIPT=/s"));
    args.addAll(List.of(flags));
    assertEquals(0, rig.cam(args.toArray(String[]::new)), rig.out() + rig.err());
    return JSON.readTree(rig.out()).get("agent").get("options");
  }
}
