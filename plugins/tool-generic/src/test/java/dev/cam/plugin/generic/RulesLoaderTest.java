package dev.cam.plugin.generic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cam.api.AgentStatus;
import dev.cam.api.ConfigException;
import dev.cam.api.Detection;
import dev.cam.api.Screen;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RulesLoaderTest {
  private static final String BASE =
      """
      [tool]
      name = "Demo"
      [launch]
      command = "demo"
      args = ["--fast"]
      env = { A = "1", B = "2" }
      [screen]
      ready = ['^>\\s*$']
      busy = ['working']
      [[prompt]]
      name = "edit"
      kind = "permission"
      match = 'Edit file\\?'
      answer = ["y", "Enter"]
      [[prompt]]
      name = "run"
      kind = "permission"
      match = 'Run command\\?'
      answer = ["y", "Enter"]
      [[failure]]
      name = "login"
      match = 'Please log in'
      reason = "Demo is not logged in"
      """;

  @TempDir Path dir;
  private final RulesLoader loader = new RulesLoader();

  private URL base() throws IOException {
    Path file = dir.resolve("builtin.toml");
    Files.writeString(file, BASE);
    return file.toUri().toURL();
  }

  private Path user(String text) throws IOException {
    Path file = dir.resolve("demo.toml");
    Files.writeString(file, text);
    return file;
  }

  @Test
  void builtInRulesAloneAreComplete() throws IOException {
    ToolRules rules = loader.load("demo", base(), dir.resolve("absent.toml"));
    assertEquals("demo", rules.id());
    assertEquals("Demo", rules.name());
    assertEquals(List.of("--version"), rules.versionArgs());
    assertEquals(2, rules.screen().prompts().size());
  }

  @Test
  void userRulesComeFirstAndReplaceBuiltInRulesOfTheSameName() throws IOException {
    Path file =
        user(
            """
            [launch]
            env = { B = "user" }
            [[prompt]]
            name = "run"
            kind = "permission"
            match = 'Run command\\?'
            answer = []
            [[prompt]]
            name = "mine"
            kind = "question"
            match = 'Continue\\?'
            answer = ["Enter"]
            """);
    ToolRules rules = loader.load("demo", base(), file);
    assertEquals(
        List.of("run", "mine", "edit"),
        rules.screen().prompts().stream().map(PromptRule::name).toList());
    assertEquals("demo", rules.launch().command(), "tables merge key by key");
    assertEquals(List.of("--fast"), rules.launch().args());
    assertEquals("1", rules.launch().env().get("A"));
    assertEquals("user", rules.launch().env().get("B"));
    Detection d = new ScreenReader(rules.screen()).read(Screen.of("Run command?"));
    assertFalse(d.prompt().answerable(), "the user's rule says a person answers");
  }

  @Test
  void replaceTakesASectionFromTheUserFileAlone() throws IOException {
    Path file =
        user(
            """
            replace = ["prompt", "screen.ready"]
            [screen]
            ready = ['^\\$ $']
            [[prompt]]
            kind = "question"
            match = 'Sure\\?'
            answer = ["y"]
            """);
    ToolRules rules = loader.load("demo", base(), file);
    assertEquals(1, rules.screen().prompts().size());
    assertEquals(1, rules.screen().ready().size());
    assertEquals(1, rules.screen().busy().size(), "sections not named are still merged");
  }

  @Test
  void disabledRuleRemovesTheBuiltInOne() throws IOException {
    Path file = user("[[failure]]\nname = \"login\"\nenabled = false\n");
    ToolRules rules = loader.load("demo", base(), file);
    assertTrue(rules.screen().failures().isEmpty());
  }

  @Test
  void unknownKeyIsReportedWithFileAndKey() throws IOException {
    Path file = user("[[prompt]]\nkind = \"permission\"\nmatch = 'x'\nanswr = [\"y\"]\n");
    ConfigException e =
        assertThrows(ConfigException.class, () -> loader.load("demo", base(), file));
    assertEquals(file.toString(), e.source());
    assertEquals("prompt[0].answr", e.key());
    assertTrue(e.getMessage().contains("allowed here: answer"), e.getMessage());
  }

  @Test
  void badRegularExpressionNamesItsKey() throws IOException {
    Path file = user("[screen]\nbusy = ['ok', '(unclosed']\n");
    ConfigException e =
        assertThrows(ConfigException.class, () -> loader.load("demo", base(), file));
    assertEquals("screen.busy[1]", e.key());
    assertTrue(e.getMessage().contains("not a valid regular expression"), e.getMessage());
  }

  @Test
  void wrongValuesSayWhatIsAllowed() {
    ConfigException status =
        assertThrows(
            ConfigException.class,
            () ->
                loader.parse(
                    "x",
                    "[launch]\ncommand='x'\n[[failure]]\nmatch='a'\nreason='r'\nstatus='dead'\n",
                    "x.toml"));
    assertEquals("failure[0].status", status.key());
    assertTrue(status.getMessage().contains("\"failed\" or \"waiting\""));
    ConfigException delivery =
        assertThrows(
            ConfigException.class,
            () -> loader.parse("x", "[launch]\ncommand='x'\nprompt='stdin'\n", "x.toml"));
    assertEquals("launch.prompt", delivery.key());
  }

  @Test
  void invalidTomlNamesTheFile() {
    ConfigException e =
        assertThrows(ConfigException.class, () -> loader.parse("x", "[launch\n", "x.toml"));
    assertEquals("x.toml", e.source());
    assertTrue(e.getMessage().contains("not valid TOML"), e.getMessage());
  }

  @Test
  void aToolWithoutJavaNeedsALaunchCommand() {
    ConfigException e =
        assertThrows(
            ConfigException.class, () -> loader.parse("x", "[screen]\nlines = 3\n", "x.toml"));
    assertEquals("launch", e.key());
  }

  @Test
  void failureStatusAndStatesAreRead() {
    ToolRules rules =
        loader.parse(
            "x",
            """
            [launch]
            command = "x"
            [screen]
            busy = ['busy']
            [[state]]
            state = "testing"
            match = 'pytest'
            [[failure]]
            match = 'quota'
            reason = "out of quota"
            status = "waiting"
            """,
            "x.toml");
    assertEquals(AgentStatus.WAITING, rules.screen().failures().get(0).failure().status());
    assertEquals("testing", rules.screen().states().get(0).state().name());
  }
}
