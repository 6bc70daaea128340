package dev.cam.plugin.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cam.api.AgentStatus;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The quick path gives, for every command line it takes, the same output and exit code as picocli,
 * and leaves every other command line to picocli.
 */
class QuickCommandsTest {
  @TempDir Path temp;
  private CliRig rig;

  @BeforeEach
  void setUp() {
    rig = new CliRig(temp);
    // ages well inside their "N minutes ago" bucket, so both runs print the same
    rig.agent("aaaa1111", "claude", AgentStatus.RUNNING, Duration.ofSeconds(150));
    rig.agent("aaaa2222", "codex", AgentStatus.COMPLETED, Duration.ofSeconds(270));
    rig.agent("bbbb3333", "claude", AgentStatus.FAILED, Duration.ofSeconds(390));
    // more than the default -n 50, and more events than status shows by default (10)
    for (int i = 0; i < 50; i++) {
      String id = String.format("cccc%04d", i);
      rig.agent(id, "aider", AgentStatus.KILLED, Duration.ofMinutes(150).plusSeconds(i));
    }
    for (int i = 0; i < 12; i++) {
      rig.kernel().events().publish("aaaa1111", "output", Map.of("n", i));
    }
  }

  @AfterEach
  void tearDown() {
    rig.close();
  }

  @Test
  void plainFormsPrintWhatPicocliPrints() {
    List<List<String>> lines =
        List.of(
            List.of("list"),
            List.of("ls"),
            List.of("list", "--json"),
            List.of("--json", "list"),
            List.of("-v", "list", "-n", "2"),
            List.of("list", "--limit=1"),
            List.of("list", "-n", "0", "--status", "running,failed"),
            List.of("list", "-s", "completed", "-s", "FAILED"),
            List.of("list", "--status=waiting"),
            List.of("list", "--tool", "claude", "--json"),
            List.of("list", "--ctx", "nowhere"),
            List.of("list", "--tool="),
            List.of("list", "--status", "bogus"),
            List.of("--data-dir", temp.resolve("data").toString(), "list"),
            List.of("status", "aaaa1111"),
            List.of("status", "bbbb"),
            List.of("status", "bbbb3333", "--json"),
            List.of("status", "-e", "0", "aaaa2222"),
            List.of("status", "--events=3", "aaaa2222"),
            List.of("status", "aaaa"),
            List.of("status", "ffff"),
            List.of("plugins"),
            List.of("plugins", "list"),
            List.of("plugins", "--json"),
            List.of("--json", "plugins", "list"),
            List.of("--server", "http://127.0.0.1:1", "--token", "t", "list"));
    for (List<String> line : lines) {
      String[] args = line.toArray(String[]::new);
      int picocliCode = rig.cam(args);
      String picocliOut = rig.out();
      String picocliErr = rig.err();
      rig.clear();
      Optional<Integer> quickCode = rig.quick(args);
      assertTrue(quickCode.isPresent(), "the quick path takes " + line);
      assertEquals(picocliCode, quickCode.get(), "exit code of " + line);
      assertEquals(picocliOut, rig.out(), "output of " + line);
      assertEquals(picocliErr, rig.err(), "errors of " + line);
      rig.clear();
    }
  }

  @Test
  void everythingElseIsLeftToPicocli() {
    List<List<String>> lines =
        List.of(
            List.of(),
            List.of("--help"),
            List.of("list", "--help"),
            List.of("list", "-h"),
            List.of("help", "list"),
            List.of("list", "extra"),
            List.of("list", "-n", "-1"),
            List.of("list", "-n5"),
            List.of("list", "-n", "five"),
            List.of("list", "-n", "1", "-n", "2"),
            List.of("list", "--json=true"),
            List.of("list", "--watch=yes"),
            List.of("list", "--status", "running,,failed"),
            List.of("list", "--status"),
            List.of("list", "--"),
            List.of("-n", "3", "list"),
            List.of("list", "-"),
            List.of("status"),
            List.of("status", "a", "b"),
            List.of("status", "-e", "x", "aaaa"),
            List.of("status", "--json", "--json", "aaaa"),
            List.of("plugins", "install", "x.jar"),
            List.of("plugins", "disable", "tool-codex"),
            List.of("run", "claude", "hello"),
            List.of("--verbose"),
            List.of("--server"));
    for (List<String> line : lines) {
      assertFalse(rig.quick(line.toArray(String[]::new)).isPresent(), "picocli parses " + line);
      assertEquals("", rig.out() + rig.err(), "nothing printed for " + line);
    }
  }
}
