package dev.cam.platform.log;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cam.api.AgentLogs;
import dev.cam.api.CamException;
import dev.cam.api.InvalidInputException;
import dev.cam.platform.json.JsonMappers;
import dev.cam.platform.json.UntypedJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Per-agent JSONL logs in {@code <logsDir>/<agent-id>.jsonl}, readable by the owner only (0600).
 * Each line is written by one {@code write} on a channel opened in append mode, which the kernel
 * applies whole, so lines from several threads or processes never interleave. Readers ignore a torn
 * last line (a writer killed mid-write) and lines that are not JSON objects.
 *
 * <p>Threading: safe from any thread and process.
 */
public final class JsonlAgentLogs implements AgentLogs {
  private static final Pattern AGENT_ID = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9._-]{0,127}");
  private static final Set<StandardOpenOption> APPEND =
      Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
  private final Path logsDir;
  private final Clock clock;
  private volatile boolean dirReady;
  // made on the first append: reading needs none (UntypedJson)
  private volatile ObjectMapper mapper;

  public JsonlAgentLogs(Path logsDir) {
    this(logsDir, Clock.systemUTC());
  }

  public JsonlAgentLogs(Path logsDir, Clock clock) {
    this.logsDir = logsDir;
    this.clock = clock;
  }

  /** The log file of an agent (it may not exist yet). */
  public Path file(String agentId) {
    if (agentId == null || !AGENT_ID.matcher(agentId).matches()) {
      throw new InvalidInputException(
          "agent id '" + agentId + "' cannot name a log file: use letters, digits, '.', '_', '-'");
    }
    return logsDir.resolve(agentId + ".jsonl");
  }

  @Override
  public boolean delete(String agentId) {
    Path file = file(agentId);
    try {
      return Files.deleteIfExists(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + file + ": check its permissions", e);
    }
  }

  /**
   * Appends one line {@code {"ts", "agent_id", "type", ...fields}}. {@code ts} is now unless {@code
   * fields} gives one; {@code fields} cannot replace {@code agent_id} or {@code type}.
   */
  @Override
  public void append(String agentId, String type, Map<String, Object> fields) {
    Path file = file(agentId);
    Map<String, Object> line = new LinkedHashMap<>();
    line.put("ts", fields.containsKey("ts") ? fields.get("ts") : clock.instant().toString());
    line.put("agent_id", agentId);
    line.put("type", type);
    fields.forEach(
        (k, v) -> {
          if (!line.containsKey(k)) {
            line.put(k, v);
          }
        });
    write(file, encode(line));
  }

  private byte[] encode(Map<String, Object> line) {
    try {
      return (mapper().writeValueAsString(line) + "\n").getBytes(StandardCharsets.UTF_8);
    } catch (JsonProcessingException e) {
      throw new InvalidInputException(
          "cannot write a log line as JSON: "
              + e.getOriginalMessage()
              + "; use strings, numbers, booleans, lists and maps",
          e);
    }
  }

  private ObjectMapper mapper() {
    ObjectMapper m = mapper;
    if (m == null) {
      m = JsonMappers.create();
      mapper = m;
    }
    return m;
  }

  private void write(Path file, byte[] bytes) {
    try {
      if (!dirReady) {
        Files.createDirectories(logsDir);
        dirReady = true;
      }
      try (FileChannel ch = FileChannel.open(file, APPEND, privateFile())) {
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        while (buffer.hasRemaining()) {
          ch.write(buffer);
        }
      }
    } catch (IOException e) {
      throw new CamException(
          "cannot append to the log "
              + file
              + ": "
              + e
              + " (check that the directory is writable and the disk is not full)",
          e);
    }
  }

  private static FileAttribute<?>[] privateFile() {
    if (!FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
      return new FileAttribute<?>[0];
    }
    return new FileAttribute<?>[] {
      PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))
    };
  }

  @Override
  public List<Map<String, Object>> read(String agentId, int tail) {
    Path file = file(agentId);
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      List<Map<String, Object>> out = new ArrayList<>();
      for (String line : LogTail.lines(ch, tail)) {
        parse(line, out);
      }
      return tail > 0 && out.size() > tail ? out.subList(out.size() - tail, out.size()) : out;
    } catch (NoSuchFileException e) {
      return List.of();
    } catch (IOException e) {
      throw new CamException("cannot read the log " + file + ": " + e, e);
    }
  }

  private static void parse(String line, List<Map<String, Object>> out) {
    if (!line.isBlank()) {
      // a line that is not a whole JSON object was torn by a crash; the rest is still good
      UntypedJson.object(line).ifPresent(out::add);
    }
  }
}
