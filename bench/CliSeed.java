import dev.cam.platform.store.Store;
import java.io.BufferedWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.util.Random;

/**
 * Seeds a CAM data directory for bench/cli.sh: AGENTS agents and EVENTS events (spread evenly),
 * in the store and in the agents' JSONL logs, as CAM writes them.
 *
 * <p>Run with the distribution's class path: java -cp 'dist/lib/*' bench/CliSeed.java DATA_DIR
 * [AGENTS] [EVENTS]
 */
public class CliSeed {
  private static final String[] STATUSES = {"completed", "failed", "running", "killed", "waiting"};
  private static final String[] TOOLS = {"claude", "codex", "gemini", "aider"};

  public static void main(String[] args) throws Exception {
    Path data = Path.of(args[0]);
    int agents = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
    int events = args.length > 2 ? Integer.parseInt(args[2]) : 100_000;
    Path db = data.resolve("cam.db");
    Store.open(db).close(); // the schema, through CAM's own migrations
    Random random = new Random(42);
    long now = System.currentTimeMillis();
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db)) {
      c.setAutoCommit(false);
      try (PreparedStatement a =
              c.prepareStatement(
                  "INSERT INTO agents (id, name, tool, context, host, user, port, key_file, cwd,"
                      + " prompt, status, state, transport, session, created_at, started_at,"
                      + " finished_at, exit_reason, attempt, timeout_ms, idle_timeout_ms, retries,"
                      + " auto_confirm, env) VALUES (?, NULL, ?, NULL, NULL, NULL, 0, NULL, ?, ?,"
                      + " ?, 'idle', 'tmux', ?, ?, ?, ?, NULL, 1, NULL, NULL, 0, 1, NULL)");
          PreparedStatement e =
              c.prepareStatement(
                  "INSERT INTO events (agent_id, type, ts, detail) VALUES (?, ?, ?, ?)")) {
        Files.createDirectories(data.resolve("logs"));
        int perAgent = events / agents;
        for (int i = 0; i < agents; i++) {
          String id = String.format("%08x%016x", i, random.nextLong());
          String status = STATUSES[random.nextInt(STATUSES.length)];
          long created = now - (agents - i) * 60_000L;
          a.setString(1, id);
          a.setString(2, TOOLS[i % TOOLS.length]);
          a.setString(3, "/work/project-" + (i % 10));
          a.setString(4, "fix issue #" + i + " and add tests for it");
          a.setString(5, status);
          a.setString(6, "cam-" + id.substring(0, 8));
          a.setLong(7, created);
          a.setLong(8, created + 1000);
          if (status.equals("running") || status.equals("waiting")) {
            a.setNull(9, java.sql.Types.INTEGER);
          } else {
            a.setLong(9, created + 50_000);
          }
          a.addBatch();
          try (BufferedWriter log = Files.newBufferedWriter(data.resolve("logs/" + id + ".jsonl"))) {
            for (int k = 0; k < perAgent; k++) {
              long ts = created + k * 100L;
              String detail = "{\"from\":\"thinking\",\"to\":\"editing\"}";
              e.setString(1, id);
              e.setString(2, "state_change");
              e.setLong(3, ts);
              e.setString(4, detail);
              e.addBatch();
              log.write("{\"ts\":\"" + java.time.Instant.ofEpochMilli(ts) + "\",\"agent_id\":\"" + id
                  + "\",\"type\":\"state_change\",\"seq\":" + (i * perAgent + k + 1)
                  + ",\"from\":\"thinking\",\"to\":\"editing\"}\n");
            }
          }
        }
        a.executeBatch();
        e.executeBatch();
      }
      c.commit();
    }
    System.out.println("seeded " + agents + " agents and " + events + " events into " + data);
  }
}
