package dev.cam.platform.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cam.api.Agent;
import dev.cam.api.AgentOptions;
import dev.cam.api.AgentQuery;
import dev.cam.api.AgentStatus;
import dev.cam.api.ConfigException;
import dev.cam.api.InvalidInputException;
import dev.cam.api.LaunchPlan;
import dev.cam.api.RunRequest;
import dev.cam.platform.agent.support.FakeTool;
import dev.cam.platform.agent.support.Rig;
import dev.cam.platform.config.CamSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The configuration applied when the manager runs the fake agent in real tmux: {@code [tools.<id>]}
 * changes the launched command and environment, unset options come from the configuration.
 */
class ConfiguredRunIT {
  private static final Duration WAIT = Duration.ofSeconds(20);

  @TempDir Path dir;
  private Rig rig;

  @BeforeEach
  void start() {
    rig = new Rig(dir, false);
  }

  @AfterEach
  void stop() {
    rig.close();
  }

  @Test
  void toolSectionReplacesTheExecutableAppendsArgsAndMergesEnv() throws IOException {
    Path wrapper = wrapper();
    CamSettings.Tool fake =
        new CamSettings.Tool(
            "fake",
            wrapper.toString(),
            List.of("--extra", "two words"),
            true,
            Map.of("FROM_CONFIG", "config", "SHARED", "config"),
            null);
    AgentManager manager =
        rig.manager("one", Rig.FAST, new RunDefaults(0, true, Map.of("fake", fake)));
    Map<String, String> env =
        Map.of(
            FakeTool.SCRIPT,
            rig.script(AgentManagerIT.task("busy 300ms", "done")),
            FakeTool.JOURNAL,
            dir.resolve("journal").toString(),
            "SHARED",
            "request");

    Agent agent = manager.run(rig.request(env, null));
    rig.await(agent.id(), AgentStatus.COMPLETED, WAIT);

    List<String> args = Files.readAllLines(dir.resolve("launched-args"));
    assertEquals(List.of("--extra", "two words"), args.subList(args.size() - 2, args.size()));
    assertTrue(args.contains("dev.cam.plugin.tmux.testkit.FakeAgent"), "the adapter's args stay");
    assertEquals(
        "config|request|false",
        Files.readString(dir.resolve("launched-env")),
        "tools.fake.env is set, the run's own --env wins over it, CI is false for agents");
  }

  @Test
  void aPlanShowsWhatRunWouldLaunchAndRecordsNothing() {
    CamSettings.Tool fake =
        new CamSettings.Tool(
            "fake", "/opt/fake", List.of("--extra"), true, Map.of("SHARED", "config"), false);
    AgentManager manager =
        rig.manager("one", Rig.FAST, new RunDefaults(3, true, Map.of("fake", fake)));

    LaunchPlan plan =
        manager.plan(
            request(Map.of(FakeTool.SCRIPT, "/s", "SHARED", "request"), AgentOptions.UNSET));

    List<String> command = plan.launch().command();
    assertEquals("/opt/fake", command.get(0), "tools.fake.command replaces the executable");
    assertEquals("--extra", command.get(command.size() - 1), "tools.fake.args are appended");
    assertEquals("request", plan.launch().env().get("SHARED"), "the run's env wins");
    assertEquals("false", plan.launch().env().get("CI"), "agents run with CI=false");
    assertEquals(
        3, plan.agent().options().retries(), "unset options resolved as run resolves them");
    assertFalse(plan.agent().options().autoConfirm());
    assertTrue(rig.store.agents().list(AgentQuery.ALL).isEmpty(), "no agent was recorded");
    assertThrows(
        InvalidInputException.class,
        () ->
            rig.manager(
                    "two",
                    Rig.FAST,
                    new RunDefaults(
                        0,
                        true,
                        Map.of(
                            "fake",
                            new CamSettings.Tool("fake", null, List.of(), false, Map.of(), null))))
                .plan(request(Map.of(), AgentOptions.UNSET)),
        "a disabled tool is refused as run refuses it");
  }

  @Test
  void unsetOptionsComeFromTheToolSectionThenTheGlobalSettings() {
    CamSettings.Tool fake = new CamSettings.Tool("fake", null, List.of(), true, Map.of(), false);
    AgentManager manager =
        rig.manager("one", Rig.FAST, new RunDefaults(2, true, Map.of("fake", fake)));
    String script = rig.script(AgentManagerIT.task("done"));

    Agent unset = manager.run(request(Map.of(FakeTool.SCRIPT, script), AgentOptions.UNSET));
    Agent given =
        manager.run(
            request(
                Map.of(FakeTool.SCRIPT, script), new AgentOptions(null, null, null, true, null)));

    assertEquals(2, unset.options().retries(), "retry.max");
    assertFalse(unset.options().autoConfirm(), "tools.fake.auto_confirm wins over monitor's");
    assertEquals(2, given.options().retries(), "retry.max fills what the request left unset");
    assertTrue(given.options().autoConfirm(), "the request wins over tools.fake.auto_confirm");
  }

  @Test
  void disabledToolIsRefusedBeforeAnAgentIsRecorded() {
    CamSettings.Tool fake = new CamSettings.Tool("fake", null, List.of(), false, Map.of(), null);
    AgentManager manager =
        rig.manager("one", Rig.FAST, new RunDefaults(0, true, Map.of("fake", fake)));

    assertThrows(
        InvalidInputException.class,
        () -> manager.run(rig.request(rig.script(AgentManagerIT.task("done")), null)));

    assertTrue(rig.store.agents().list(AgentQuery.ALL).isEmpty(), "no agent was recorded");
  }

  @Test
  void badEnvironmentNameIsRefusedNamingTheKey() {
    CamSettings.Tool fake =
        new CamSettings.Tool("fake", null, List.of(), true, Map.of("BAD NAME", "x"), null);
    AgentManager manager =
        rig.manager("one", Rig.FAST, new RunDefaults(0, true, Map.of("fake", fake)));

    ConfigException e =
        assertThrows(
            ConfigException.class,
            () -> manager.run(rig.request(rig.script(AgentManagerIT.task("done")), null)));

    assertEquals("tools.fake.env.BAD NAME", e.key());
  }

  private RunRequest request(Map<String, String> env, AgentOptions options) {
    AgentOptions withEnv =
        new AgentOptions(
            options.timeout(),
            options.idleTimeout(),
            options.retries(),
            options.autoConfirm(),
            env);
    return new RunRequest("fake", "do the task", null, dir.toString(), null, null, withEnv);
  }

  /** A command that records its arguments and two variables, then runs the fake agent's java. */
  private Path wrapper() throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String script =
        "#!/bin/sh\n"
            + "printf '%s\\n' \"$@\" > '"
            + dir.resolve("launched-args")
            + "'\n"
            + "printf '%s|%s|%s' \"$FROM_CONFIG\" \"$SHARED\" \"$CI\" > '"
            + dir.resolve("launched-env")
            + "'\n"
            + "exec '"
            + java
            + "' \"$@\"\n";
    Path wrapper = Files.writeString(dir.resolve("wrapper.sh"), script);
    Files.setPosixFilePermissions(wrapper, PosixFilePermissions.fromString("rwxr-xr-x"));
    return wrapper;
  }
}
