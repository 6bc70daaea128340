package dev.cam.plugin.generic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cam.api.Agent;
import dev.cam.api.AgentOptions;
import dev.cam.api.AgentStatus;
import dev.cam.api.ConfigException;
import dev.cam.api.DoctorCheck;
import dev.cam.api.LaunchRequest;
import dev.cam.api.LaunchSpec;
import dev.cam.api.Screen;
import dev.cam.api.ToolAdapter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GenericToolSourceTest {
  private static final String MYTOOL =
      """
      [tool]
      name = "My Tool"
      [launch]
      command = "sh"
      args = ["-c", "echo 1.2.3", "--cwd={cwd}"]
      prompt = "argument"
      prompt_args = ["--task", "{prompt}"]
      env = { MYTOOL_MODE = "batch" }
      submit_pause_ms = 250
      [screen]
      ready = ['^mytool>\\s*$']
      completed = ['^All done\\.$']
      [[prompt]]
      kind = "permission"
      match = 'Apply\\? \\[y/N\\]'
      answer = ["y", "Enter"]
      [probe]
      keys = ["."]
      """;

  @TempDir Path configDir;

  private Path tools() throws IOException {
    return Files.createDirectories(configDir.resolve("tools"));
  }

  private static Agent agent(String prompt) {
    return new Agent(
        "a1b2c3d4e5",
        null,
        "mytool",
        null,
        null,
        "/work/x",
        prompt,
        AgentStatus.PENDING,
        null,
        null,
        null,
        Instant.now(),
        null,
        null,
        null,
        1,
        new AgentOptions(null, null, 0, true, Map.of("EXTRA", "1")));
  }

  @Test
  void aFileForAnUnknownIdBecomesAToolWithNoJava() throws IOException {
    Files.writeString(tools().resolve("mytool.toml"), MYTOOL);
    Files.writeString(tools().resolve("claude.toml"), "[[prompt]]\nname='trust'\nenabled=false\n");
    List<ToolAdapter> offered = new GenericToolSource(tools(), () -> Set.of("claude")).tools();
    assertEquals(1, offered.size(), "claude.toml overrides an adapter plugin's rules");
    ToolAdapter tool = offered.get(0);
    assertEquals("mytool", tool.id());
    assertEquals("My Tool", tool.displayName());

    LaunchSpec spec = tool.launch(new LaunchRequest(agent("fix the bug")));
    assertEquals(
        List.of("sh", "-c", "echo 1.2.3", "--cwd=/work/x", "--task", "fix the bug"),
        spec.command());
    assertTrue(spec.promptOnCommandLine());
    assertEquals(Map.of("MYTOOL_MODE", "batch", "EXTRA", "1"), spec.env());
    assertEquals(Duration.ofMillis(250), tool.submitPause());
    assertEquals(List.of("."), tool.probeKeys());

    assertTrue(tool.read(Screen.of("hello\nmytool> ")).ready());
    assertEquals(List.of("y", "Enter"), tool.read(Screen.of("Apply? [y/N]")).prompt().answer());
    assertTrue(tool.read(Screen.of("All done.")).completed());
  }

  @Test
  void versionAndDoctorRunTheCli() throws IOException {
    Files.writeString(
        tools().resolve("mytool.toml"), MYTOOL.replace("command = \"sh\"", "command = \"java\""));
    ToolAdapter tool = new GenericToolSource(tools(), Set::of).tools().get(0);
    assertTrue(tool.installedVersion().isPresent(), "java --version prints a version");
    Files.writeString(
        tools().resolve("mytool.toml"),
        MYTOOL.replace("command = \"sh\"", "command = \"no-such-cli-4711\""));
    ToolAdapter missing = new GenericToolSource(tools(), Set::of).tools().get(0);
    assertTrue(missing.installedVersion().isEmpty());
    DoctorCheck check = missing.doctor().get(0);
    assertFalse(check.ok());
    assertTrue(check.fix().contains("no-such-cli-4711"), check.fix());
  }

  @Test
  void aBrokenFileIsOfferedAsAToolThatSaysWhatIsWrong() throws IOException {
    Files.writeString(
        tools().resolve("broken.toml"), "[launch]\ncommand = 'x'\nprompt = 'telepathy'\n");
    ToolAdapter tool = new GenericToolSource(tools(), Set::of).tools().get(0);
    ConfigException e =
        assertThrows(ConfigException.class, () -> tool.launch(new LaunchRequest(agent("x"))));
    assertEquals("launch.prompt", e.key());
    assertFalse(tool.doctor().get(0).ok());
    assertTrue(tool.doctor().get(0).detail().contains("broken.toml"));
  }

  @Test
  void anEditedFileTakesEffectAtTheNextLaunch() throws IOException {
    Path file = tools().resolve("mytool.toml");
    Files.writeString(file, MYTOOL);
    ToolAdapter tool = new GenericToolSource(tools(), Set::of).tools().get(0);
    Files.writeString(file, MYTOOL.replace("\"--task\", ", ""));
    Files.setLastModifiedTime(file, FileTime.from(Instant.now().plusSeconds(5)));
    assertEquals("fix", tool.launch(new LaunchRequest(agent("fix"))).command().get(4));

    Files.writeString(file, MYTOOL.replace("[screen]", "[screen]\nbogus = 1"));
    Files.setLastModifiedTime(file, FileTime.from(Instant.now().plusSeconds(10)));
    assertThrows(ConfigException.class, () -> tool.launch(new LaunchRequest(agent("fix"))));
    assertTrue(
        tool.read(Screen.of("mytool> ")).ready(), "the last good rules keep reading screens");
  }

  @Test
  void noToolsFolderMeansNoTools() {
    assertTrue(new GenericToolSource(configDir.resolve("none"), Set::of).tools().isEmpty());
  }
}
