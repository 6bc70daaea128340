package dev.cam.platform;

import dev.cam.api.Agent;
import dev.cam.api.AgentOptions;
import dev.cam.api.AgentState;
import dev.cam.api.AgentStatus;
import dev.cam.api.Cli;
import dev.cam.api.Machine;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * What the run that writes the class-data archive does after its own command: the everyday commands
 * on a store holding one agent, output discarded, so the classes they load (config, store, tables,
 * JSON) come from the archive at every start. It works on a temporary config and data directory,
 * never the user's.
 */
final class CdsTraining {
  private static final String AGENT = "00000000cd5cd5cd";
  private static final List<List<String>> COMMANDS =
      List.of(
          List.of("list"),
          List.of("list", "--json"),
          List.of("status", AGENT),
          List.of("status", "--json", AGENT),
          List.of("config", "show"));

  private CdsTraining() {}

  /** Runs {@code args} with this output, then the training commands; returns the first's code. */
  static int run(List<String> args, Map<String, String> env, PrintStream out, PrintStream err) {
    Path temp;
    try {
      temp = Files.createTempDirectory("cam-cds-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    try {
      Map<String, String> trainingEnv = new HashMap<>(env);
      trainingEnv.put("CAM_CONFIG_DIR", temp.resolve("config").toString());
      trainingEnv.put("CAM_DATA_DIR", temp.resolve("data").toString());
      try (Kernel kernel = Main.kernel(trainingEnv, temp, LaunchOptions.NONE)) {
        seed(kernel, temp);
        Cli cli = kernel.cli().orElseThrow(() -> new IllegalStateException(kernel.cliProblem()));
        int code = Main.execute(cli, args, out, err);
        PrintStream discard = new PrintStream(OutputStream.nullOutputStream());
        for (List<String> command : COMMANDS) {
          Main.execute(cli, command, discard, discard);
        }
        return code;
      }
    } finally {
      delete(temp);
    }
  }

  private static void seed(Kernel kernel, Path temp) {
    Instant created = Instant.now().minusSeconds(300);
    kernel
        .agents()
        .save(
            new Agent(
                AGENT,
                "training",
                "claude",
                null,
                Machine.LOCAL,
                temp.toString(),
                "a prompt",
                AgentStatus.COMPLETED,
                AgentState.IDLE,
                "tmux",
                "cam-training",
                created,
                created.plusSeconds(1),
                created.plusSeconds(60),
                null,
                1,
                AgentOptions.DEFAULTS));
    kernel.events().publish(AGENT, "status", Map.of("status", "completed"));
  }

  private static void delete(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // a temporary directory left behind is harmless
    }
  }
}
