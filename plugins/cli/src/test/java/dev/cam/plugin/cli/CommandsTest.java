package dev.cam.plugin.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class CommandsTest {
  private static final int ALL = Commands.names().size() + 1;

  @Test
  void onlyTheCommandAskedForIsBuilt() {
    assertEquals(List.of(PluginsCommand.class), Commands.neededFor(List.of("plugins", "--json")));
    assertEquals(
        List.of(ConfigCommand.class),
        Commands.neededFor(List.of("--config", "plugins", "config", "show")));
  }

  @Test
  void versionNeedsNoSubcommandWhileHelpAndErrorsNeedThemAll() {
    assertEquals(List.of(), Commands.neededFor(List.of("--version")));
    assertEquals(ALL, Commands.neededFor(List.of("--help")).size());
    assertEquals(ALL, Commands.neededFor(List.of("help", "plugins")).size());
    assertEquals(ALL, Commands.neededFor(List.of("no-such-command")).size());
  }

  @Test
  void optionValuesAreNotTakenForTheCommand() {
    assertEquals(
        List.of(ServeCommand.class), Commands.neededFor(List.of("--data-dir", "plugins", "serve")));
  }
}
