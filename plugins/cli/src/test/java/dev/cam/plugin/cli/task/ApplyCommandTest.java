package dev.cam.plugin.cli.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cam.plugin.cli.CliRig;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** cam apply --dry-run and the errors of bad task files. */
class ApplyCommandTest {
  @TempDir Path temp;
  private CliRig rig;

  @BeforeEach
  void setUp() {
    rig = new CliRig(temp);
  }

  @AfterEach
  void tearDown() {
    rig.close();
  }

  @Test
  void dryRunPrintsThePlanByLevel() throws Exception {
    Path file =
        Files.writeString(
            temp.resolve("t.toml"),
            """
            [defaults]
            tool = "claude"
            [[tasks]]
            name = "a"
            prompt = "p"
            [[tasks]]
            name = "b"
            prompt = "p"
            depends_on = ["a"]
            tool = "codex"
            [[tasks]]
            name = "c"
            prompt = "p"
            """);

    assertEquals(0, rig.cam("apply", "-f", file.toString(), "--dry-run"));

    assertTrue(rig.out().contains("level 0:  a (claude)  c (claude)"), rig.out());
    assertTrue(rig.out().contains("level 1:  b (codex)"), rig.out());
    assertTrue(rig.kernel().tasks().list(0).isEmpty());
  }

  @Test
  void aCycleIsAUsageErrorShowingThePath() throws Exception {
    Path file =
        Files.writeString(
            temp.resolve("t.yaml"),
            "tasks:\n  - {name: a, prompt: p, depends_on: [b]}\n  - {name: b, prompt: p, depends_on: [a]}\n");

    assertEquals(2, rig.cam("apply", "-f", file.toString(), "--dry-run"));

    assertEquals(1, rig.err().lines().count(), rig.err());
    assertTrue(rig.err().contains("a -> b -> a"), rig.err());
  }

  @Test
  void aMissingFileAndAnUnknownGraphAreClearErrors() {
    assertEquals(2, rig.cam("apply", "-f", temp.resolve("none.yaml").toString()));
    assertTrue(rig.err().contains("cannot read task file"), rig.err());
    assertEquals(3, rig.cam("tasks", "abc"));
    assertEquals(0, rig.cam("tasks"));
    assertTrue(rig.out().contains("no task graphs yet"), rig.out());
  }
}
