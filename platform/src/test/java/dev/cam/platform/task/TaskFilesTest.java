package dev.cam.platform.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cam.api.InvalidInputException;
import dev.cam.api.TaskDefinition;
import dev.cam.api.TaskGraph;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TaskFilesTest {
  private static final String DIAMOND =
      """
      version: 1
      defaults: {tool: claude, timeout: 30m, retry: 1, context: web}
      tasks:
        - name: schema
          prompt: design the schema
        - name: api
          prompt: build the api
          depends_on: [schema]
          env: {STAGE: api}
        - name: ui
          prompt: build the ui
          depends_on: schema
          tool: codex
          timeout: 10m
        - name: docs
          prompt: document it
          depends_on: [api, ui]
      """;

  @Test
  void readsYamlWithDefaultsAndPerTaskValues() {
    TaskGraph graph = TaskFiles.parse(DIAMOND, "yaml", "diamond.yaml");

    assertEquals("claude", graph.tool());
    assertEquals(Duration.ofMinutes(30), graph.timeout());
    assertEquals(1, graph.retry());
    TaskDefinition ui = graph.tasks().get(2);
    assertEquals(List.of("schema"), ui.dependsOn());
    assertEquals("codex", ui.tool());
    assertEquals(Duration.ofMinutes(10), ui.timeout());
    assertEquals(Map.of("STAGE", "api"), graph.tasks().get(1).env());
  }

  @Test
  void readsTheSameGraphFromToml() {
    String toml =
        """
        version = 1
        [defaults]
        tool = "claude"
        [[tasks]]
        name = "a"
        prompt = "first"
        [[tasks]]
        name = "b"
        prompt = "second"
        depends_on = ["a"]
        """;

    TaskGraph graph = TaskFiles.parse(toml, "toml", "t.toml");

    assertEquals(List.of(List.of("a"), List.of("b")), GraphCheck.levels(graph));
  }

  @Test
  void plansADiamondByLevel() {
    TaskGraph graph = TaskFiles.parse(DIAMOND, "yaml", "d");

    assertEquals(
        List.of(List.of("schema"), List.of("api", "ui"), List.of("docs")),
        GraphCheck.levels(graph));
  }

  @Test
  void aCycleIsRejectedWithItsPath() {
    String cyclic =
        """
        tasks:
          - {name: a, tool: x, prompt: p, depends_on: [c]}
          - {name: b, tool: x, prompt: p, depends_on: [a]}
          - {name: c, tool: x, prompt: p, depends_on: [b]}
        """;

    InvalidInputException e =
        assertThrows(InvalidInputException.class, () -> TaskFiles.parse(cyclic, "yaml", "c.yaml"));

    assertTrue(e.getMessage().contains("a -> c -> b -> a"), e.getMessage());
  }

  @Test
  void aTaskDependingOnItselfIsACycle() {
    String self = "tasks:\n  - {name: a, tool: x, prompt: p, depends_on: [a]}\n";

    InvalidInputException e =
        assertThrows(InvalidInputException.class, () -> TaskFiles.parse(self, "yaml", "s"));
    assertTrue(e.getMessage().contains("a -> a"), e.getMessage());
  }

  @Test
  void unknownDependenciesDuplicatesAndUnknownKeysAreNamed() {
    assertMessage(
        "tasks:\n  - {name: a, prompt: p, depends_on: [zz]}\n",
        "depends on 'zz', which is not a task");
    assertMessage(
        "tasks:\n  - {name: a, prompt: p}\n  - {name: a, prompt: q}\n", "two tasks are named 'a'");
    assertMessage("tasks:\n  - {name: a, prompt: p, deps: [b]}\n", "unknown key 'deps'");
    assertMessage("tasks:\n  - {name: a}\n", "task 'a' needs a prompt");
    assertMessage("version: 2\ntasks: []\n", "version 2 is not supported");
    assertMessage("tasks: [\n", "not valid YAML");
    assertMessage("tasks:\n  - {name: a, prompt: p, timeout: soon}\n", "'soon' is not a duration");
  }

  private static void assertMessage(String yaml, String expected) {
    InvalidInputException e =
        assertThrows(InvalidInputException.class, () -> TaskFiles.parse(yaml, "yaml", "f.yaml"));
    assertTrue(e.getMessage().contains(expected), e.getMessage());
    assertTrue(
        e.getMessage().startsWith("f.yaml") || e.getMessage().contains("YAML"), e.getMessage());
  }
}
