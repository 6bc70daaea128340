package dev.cam.plugin.cli.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cam.plugin.cli.CliRig;
import java.nio.file.Files;
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

  @Test
  void dryRunShowsTheCommandAndEnvironmentTheToolSectionMakes() throws Exception {
    withConfig(
        "[tools.fake]",
        "command = \"/opt/fake/bin/fake\"",
        "args = [\"--model\", \"a,b\"]",
        "env = { FAKE_TOKEN = \"s3cret\" }");

    assertEquals(
        0,
        rig.cam(
            "run",
            "fake",
            "x",
            "--dry-run",
            "--json",
            "--env",
            "FAKE_SCRIPT=/s",
            "--env",
            "MINE=1"),
        rig.err());
    JsonNode plan = JSON.readTree(rig.out());

    List<String> command = new ArrayList<>();
    plan.get("command").forEach(c -> command.add(c.asText()));
    assertEquals("/opt/fake/bin/fake", command.get(0), plan.toString());
    assertEquals(List.of("--model", "a,b"), command.subList(command.size() - 2, command.size()));
    List<String> keys = new ArrayList<>();
    plan.get("env_keys").forEach(k -> keys.add(k.asText()));
    assertTrue(
        keys.containsAll(List.of("CI", "FAKE_TOKEN", "MINE", "FAKE_SCRIPT")), keys.toString());
    assertFalse(rig.out().contains("s3cret"), "values stay hidden: " + rig.out());

    rig.clear();
    assertEquals(0, rig.cam("run", "fake", "x", "--dry-run", "--env", "FAKE_SCRIPT=/s"));
    assertTrue(rig.out().contains("command  /opt/fake/bin/fake"), rig.out());
    assertTrue(rig.out().contains("env      ") && rig.out().contains("FAKE_TOKEN"), rig.out());
  }

  @Test
  void dryRunOfADisabledToolSaysHowToEnableIt() throws Exception {
    withConfig("[tools.fake]", "enabled = false");

    assertEquals(2, rig.cam("run", "fake", "x", "--dry-run"), rig.out() + rig.err());

    String err = rig.err().strip();
    assertTrue(err.contains("cam config set tools.fake.enabled true"), err);
    assertEquals(1, err.lines().count(), "one line: " + err);
  }

  private void withConfig(String... lines) throws Exception {
    rig.close();
    Path home = temp.resolve("configured");
    Files.createDirectories(home.resolve("config"));
    Files.writeString(home.resolve("config/config.toml"), String.join("\n", lines) + "\n");
    rig = new CliRig(home);
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
