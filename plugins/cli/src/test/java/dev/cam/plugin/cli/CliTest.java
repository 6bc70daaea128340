package dev.cam.plugin.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cam.platform.Kernel;
import dev.cam.platform.LaunchOptions;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The commands through picocli, against a real kernel on temporary directories. */
class CliTest {
  @TempDir Path temp;
  private Kernel kernel;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @BeforeEach
  void setUp() {
    Map<String, String> env =
        Map.of(
            "CAM_CONFIG_DIR", temp.resolve("config").toString(),
            "CAM_DATA_DIR", temp.resolve("data").toString());
    kernel = new Kernel(temp.resolve("home"), env, temp, LaunchOptions.NONE);
  }

  @AfterEach
  void tearDown() {
    kernel.close();
  }

  private int cam(String... args) {
    List<String> list = List.of(args);
    return PicocliCli.commandLine(kernel, new PrintWriter(out), new PrintWriter(err), list)
        .execute(args);
  }

  @Test
  void versionCommandAndFlagPrintTheSameLine() {
    assertEquals(
        0,
        new PicocliCli(kernel)
            .execute(List.of("--version"), new PrintWriter(out), new PrintWriter(err)));
    assertEquals(0, cam("version"));

    List<String> lines = out.toString().lines().toList();
    assertEquals(2, lines.size());
    assertEquals(lines.get(0), lines.get(1));
    assertEquals("cam " + kernel.version(), lines.get(0));
  }

  @Test
  void versionJsonNamesTheVersion() {
    assertEquals(0, cam("version", "--json"));

    assertTrue(
        out.toString().startsWith("{\"version\":\"" + kernel.version() + "\""), out.toString());
  }

  @Test
  void pluginsJsonIsAnEmptyListWhenThereAreNone() {
    assertEquals(0, cam("plugins", "--json"));

    assertEquals("{\"plugins\":[]}\n", out.toString());
  }

  @Test
  void configSetThenGetRoundTripsThroughTheUserFile() {
    assertEquals(0, cam("config", "set", "server.port", "9300"));
    assertEquals(0, cam("config", "get", "server.port"));

    assertTrue(out.toString().endsWith("9300\n"), out.toString());
    assertTrue(Files.exists(temp.resolve("config/config.toml")));
  }

  @Test
  void aBadValueIsOneLineAndExitCodeOne() {
    assertEquals(1, cam("config", "set", "server.port", "not-a-port"));

    assertEquals(1, err.toString().lines().count(), err.toString());
    assertTrue(
        err.toString().startsWith("cam: ") && err.toString().contains("server.port"),
        err.toString());
  }

  @Test
  void anUnknownKeyIsNotFoundWithExitCodeThree() {
    assertEquals(3, cam("config", "get", "server.nothing"));

    assertEquals(1, err.toString().lines().count(), err.toString());
  }

  @Test
  void usageErrorsExitWithTwoAndPointToHelp() {
    assertEquals(2, cam("plugins", "--bogus"));

    assertTrue(err.toString().contains("cam plugins --help"), err.toString());
  }

  @Test
  void verboseAddsTheStackTrace() {
    assertEquals(1, cam("-v", "config", "set", "server.port", "x"));

    assertTrue(err.toString().lines().count() > 1, err.toString());
  }

  @Test
  void everyCommandHasHelp() {
    for (String command : Commands.names()) {
      out.getBuffer().setLength(0);
      assertEquals(0, cam(command, "--help"), command);
      assertTrue(out.toString().startsWith("Usage: cam " + command), out.toString());
    }
  }

  @Test
  void helpListsTheExitCodes() {
    assertEquals(0, cam("--help"));

    assertTrue(out.toString().contains("Exit codes:"), out.toString());
    assertTrue(out.toString().contains("3   not found"), out.toString());
  }
}
