package dev.cam.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

class CliTest {
  @Test
  void theCommandWordIsTheFirstArgumentThatIsNeitherAnOptionNorAGlobalOptionsValue() {
    assertEquals("serve", Cli.commandWord(List.of("-v", "--data-dir", "/x", "serve")));
    assertEquals("list", Cli.commandWord(List.of("--server", "http://h", "--token", "t", "list")));
    assertEquals("status", Cli.commandWord(List.of("--config=/c.toml", "status", "abc")));
  }

  @Test
  void thereIsNoCommandWordBeforeADoubleDashOrWithoutOne() {
    assertNull(Cli.commandWord(List.of("--json", "--", "plugins")));
    assertNull(Cli.commandWord(List.of("--version")));
    assertNull(Cli.commandWord(List.of("--config", "list")));
  }
}
