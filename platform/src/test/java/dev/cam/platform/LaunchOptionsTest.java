package dev.cam.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LaunchOptionsTest {
  @Test
  void globalOptionsAreFoundAnywhereBeforeDoubleDash() {
    LaunchOptions options =
        LaunchOptions.parse(List.of("config", "show", "--config", "a.toml", "--data-dir=/d", "-v"));

    assertEquals(Path.of("a.toml"), options.configFile());
    assertEquals(Path.of("/d"), options.dataDir());
    assertTrue(options.verbose());
  }

  @Test
  void argumentsAfterDoubleDashAreLeftAlone() {
    LaunchOptions options = LaunchOptions.parse(List.of("run", "--", "--config", "x", "-v"));

    assertEquals(LaunchOptions.NONE, options);
    assertFalse(options.verbose());
  }

  @Test
  void relayOptionIsTheRelayUrlFlag() {
    assertEquals(
        Map.of("relay.url", "https://relay.example/"),
        LaunchOptions.parse(List.of("serve", "--relay", "https://relay.example/")).flags());
    assertEquals(
        Map.of("relay.url", "http://127.0.0.1:9/"),
        LaunchOptions.parse(List.of("serve", "--relay=http://127.0.0.1:9/")).flags());
    assertEquals(Map.of(), LaunchOptions.parse(List.of("serve", "--", "--relay", "x")).flags());
  }

  @Test
  void serveHostAndPortAreTheServerFlagsOfServeOnly() {
    assertEquals(
        Map.of("server.host", "0.0.0.0", "server.port", "9000"),
        LaunchOptions.parse(List.of("serve", "--host", "0.0.0.0", "--port=9000")).flags());
    LaunchOptions afterGlobal =
        LaunchOptions.parse(
            List.of("--config", "a.toml", "-v", "serve", "--daemon", "--port", "1"));
    assertEquals(Map.of("server.port", "1"), afterGlobal.flags());
    assertEquals(Path.of("a.toml"), afterGlobal.configFile());
    assertEquals(
        Map.of(),
        LaunchOptions.parse(List.of("context", "add", "web", "--host", "box", "--port", "22"))
            .flags(),
        "another command's --host is its own option");
    assertEquals(
        Map.of(), LaunchOptions.parse(List.of("--config", "serve", "list", "--port", "1")).flags());
  }
}
