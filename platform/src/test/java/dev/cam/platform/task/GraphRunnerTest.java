package dev.cam.platform.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cam.api.Agent;
import dev.cam.api.AgentControl;
import dev.cam.api.AgentStatus;
import dev.cam.api.InvalidInputException;
import dev.cam.api.RunRequest;
import dev.cam.api.Screen;
import dev.cam.api.TaskGraph;
import dev.cam.api.TaskGraphRun;
import dev.cam.api.TaskRun;
import dev.cam.api.TaskRunner.ApplyOptions;
import dev.cam.api.TaskStatus;
import dev.cam.platform.store.Store;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The runner on a real store, with stand-in agents that end after a while: completed, or failed
 * when their prompt says "fail".
 */
class GraphRunnerTest {
  @TempDir Path temp;
  private Store store;
  private ScriptedAgents agents;
  private GraphRunner runner;

  @BeforeEach
  void setUp() {
    store = Store.open(temp.resolve("cam.db"));
    agents = new ScriptedAgents(store);
    runner =
        new GraphRunner(
            store.taskGraphs(),
            () -> agents,
            store.agents(),
            Clock.systemUTC(),
            Duration.ofMillis(20));
  }

  @AfterEach
  void tearDown() {
    agents.close();
    store.close();
  }

  private TaskGraphRun apply(String yaml, int parallel) {
    TaskGraph graph = runner.parse(yaml, "yaml", "g.yaml");
    return runner.apply(graph, new ApplyOptions(null, temp, parallel));
  }

  private TaskGraphRun await(String id) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    TaskGraphRun run = runner.get(id);
    while (run.status() == TaskStatus.RUNNING) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("graph still running: " + run);
      }
      Thread.sleep(20);
      run = runner.get(id);
    }
    return run;
  }

  @Test
  void aDiamondRunsEachTaskAfterItsDependencies() throws Exception {
    TaskGraphRun run =
        await(
            apply(
                    """
                defaults: {tool: fake}
                tasks:
                  - {name: a, prompt: go}
                  - {name: b, prompt: go, depends_on: [a]}
                  - {name: c, prompt: go, depends_on: [a]}
                  - {name: d, prompt: go, depends_on: [b, c]}
                """,
                    4)
                .id());

    assertEquals(TaskStatus.COMPLETED, run.status());
    Map<String, TaskRun> t = byName(run);
    assertTrue(!t.get("b").startedAt().isBefore(t.get("a").finishedAt()));
    assertTrue(!t.get("d").startedAt().isBefore(t.get("b").finishedAt()));
    assertTrue(!t.get("d").startedAt().isBefore(t.get("c").finishedAt()));
    assertEquals(2, agents.maxRunning.get(), "b and c ran side by side");
  }

  @Test
  void aFailedTaskSkipsItsDependentsWithTheReasonAndOthersGoOn() throws Exception {
    TaskGraphRun run =
        await(
            apply(
                    """
                defaults: {tool: fake}
                tasks:
                  - {name: a, prompt: fail}
                  - {name: b, prompt: go, depends_on: [a]}
                  - {name: c, prompt: go, depends_on: [b]}
                  - {name: other, prompt: go}
                """,
                    2)
                .id());

    assertEquals(TaskStatus.FAILED, run.status());
    Map<String, TaskRun> t = byName(run);
    assertEquals(TaskStatus.FAILED, t.get("a").status());
    assertTrue(t.get("a").reason().contains("failed: scripted failure"), t.get("a").reason());
    assertEquals(TaskStatus.SKIPPED, t.get("b").status());
    assertEquals("dependency 'a' failed", t.get("b").reason());
    assertEquals("dependency 'b' was skipped", t.get("c").reason());
    assertNull(t.get("c").agentId());
    assertEquals(TaskStatus.COMPLETED, t.get("other").status());
  }

  @Test
  void noMoreThanTheLimitRunAtOnce() throws Exception {
    StringBuilder yaml = new StringBuilder("defaults: {tool: fake}\ntasks:\n");
    for (int i = 0; i < 7; i++) {
      yaml.append("  - {name: t").append(i).append(", prompt: go}\n");
    }

    TaskGraphRun run = await(apply(yaml.toString(), 3).id());

    assertEquals(TaskStatus.COMPLETED, run.status());
    assertEquals(3, agents.maxRunning.get());
  }

  @Test
  void aTaskWhoseAgentCannotStartFailsAndTheGraphIsStored() throws Exception {
    TaskGraphRun run = await(apply("tasks:\n  - {name: a, tool: missing, prompt: go}\n", 1).id());

    assertEquals(TaskStatus.FAILED, run.status());
    assertTrue(run.tasks().get(0).reason().startsWith("could not start: unknown tool"));
    assertEquals(run.id(), runner.list(0).get(0).id());
    assertEquals(run.id(), runner.get(run.id().substring(0, 5)).id());
  }

  @Test
  void aTaskWithoutAnyToolIsRefusedBeforeAnythingStarts() {
    TaskGraph graph = runner.parse("tasks:\n  - {name: a, prompt: go}\n", "yaml", "g");

    assertThrows(
        InvalidInputException.class, () -> runner.apply(graph, new ApplyOptions(null, temp, 1)));
    assertTrue(runner.list(0).isEmpty());
  }

  private static Map<String, TaskRun> byName(TaskGraphRun run) {
    Map<String, TaskRun> map = new ConcurrentHashMap<>();
    run.tasks().forEach(t -> map.put(t.name(), t));
    return map;
  }

  /** Agents that end 100 ms after they start, as the store shows. */
  private static final class ScriptedAgents implements AgentControl, AutoCloseable {
    private final Store store;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    private final Set<String> running = ConcurrentHashMap.newKeySet();
    private final AtomicInteger ids = new AtomicInteger();
    final AtomicInteger maxRunning = new AtomicInteger();

    ScriptedAgents(Store store) {
      this.store = store;
    }

    @Override
    public Agent run(RunRequest r) {
      if (r.tool().equals("missing")) {
        throw new InvalidInputException("unknown tool 'missing'");
      }
      String id = String.format("a%07d", ids.incrementAndGet());
      Agent agent =
          new Agent(
              id,
              r.name(),
              r.tool(),
              r.context(),
              null,
              r.cwd(),
              r.prompt(),
              AgentStatus.RUNNING,
              null,
              "test",
              null,
              Instant.now(),
              Instant.now(),
              null,
              null,
              1,
              r.options());
      store.agents().save(agent);
      running.add(id);
      maxRunning.accumulateAndGet(running.size(), Math::max);
      boolean fail = r.prompt().equals("fail");
      timer.schedule(
          () -> {
            running.remove(id);
            store
                .agents()
                .save(
                    agent.withStatus(
                        fail ? AgentStatus.FAILED : AgentStatus.COMPLETED,
                        fail ? "scripted failure" : null,
                        Instant.now()));
          },
          100,
          TimeUnit.MILLISECONDS);
      return agent;
    }

    @Override
    public Agent stop(String id) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Agent kill(String id) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Agent retry(String id) {
      throw new UnsupportedOperationException();
    }

    @Override
    public void send(String id, String text, boolean enter) {
      throw new UnsupportedOperationException();
    }

    @Override
    public void keys(String id, List<String> keys) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Screen output(String id, int lines) {
      throw new UnsupportedOperationException();
    }

    @Override
    public List<Agent> adopt() {
      return List.of();
    }

    @Override
    public void close() {
      timer.shutdownNow();
    }
  }
}
