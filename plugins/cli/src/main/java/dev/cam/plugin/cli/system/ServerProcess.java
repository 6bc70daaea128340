package dev.cam.plugin.cli.system;

import dev.cam.api.CamException;
import dev.cam.api.PlatformContext;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The background {@code cam serve} of a data directory: its pid file ({@code serve.pid}) and log
 * ({@code serve.log}) in the data directory. A pid whose process is gone counts as no server.
 */
public final class ServerProcess {
  private static final Duration START_WAIT = Duration.ofSeconds(20);

  private final PlatformContext context;

  public ServerProcess(PlatformContext context) {
    this.context = context;
  }

  public Path pidFile() {
    return context.dataDir().resolve("serve.pid");
  }

  public Path logFile() {
    return context.dataDir().resolve("serve.log");
  }

  /** The running server's process, if there is one. */
  public Optional<ProcessHandle> running() {
    try {
      long pid = Long.parseLong(Files.readString(pidFile(), StandardCharsets.UTF_8).strip());
      return ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
    } catch (IOException | NumberFormatException e) {
      return Optional.empty();
    }
  }

  /** Records this process as the server. */
  public void claim() {
    try {
      Files.createDirectories(pidFile().getParent());
      Files.writeString(pidFile(), ProcessHandle.current().pid() + "\n");
    } catch (IOException e) {
      throw new CamException("cannot write " + pidFile() + ": check the data directory", e);
    }
  }

  /** Forgets this process as the server (only when the file still names it). */
  public void release() {
    if (running().map(p -> p.pid() == ProcessHandle.current().pid()).orElse(false)) {
      try {
        Files.deleteIfExists(pidFile());
      } catch (IOException e) {
        // a stale pid file names a dead process and is ignored
      }
    }
  }

  /**
   * Starts {@code bin/cam serve} in the background, in its own session so a Ctrl-C in this terminal
   * does not reach it, and waits until it has written its pid file.
   */
  public ProcessHandle start() {
    return start(List.of());
  }

  /** Starts it with these options of {@code cam serve} added, e.g. {@code --relay URL}. */
  public ProcessHandle start(List<String> serveOptions) {
    String home = System.getProperty("cam.home");
    Path cam = home == null ? null : Path.of(home, "bin", "cam");
    if (cam == null || !Files.isExecutable(cam)) {
      throw new CamException(
          "cannot start a background server from here (no bin/cam): run 'cam serve' yourself");
    }
    List<String> command = new ArrayList<>();
    if (Programs.firstLine(List.of("setsid", "--version")).isPresent()) {
      command.add("setsid");
    }
    command.addAll(List.of(cam.toString(), "--data-dir", context.dataDir().toString(), "serve"));
    command.addAll(serveOptions);
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().put("CAM_CONFIG_DIR", context.configDir().toString());
    builder.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
    builder
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile().toFile()));
    try {
      Files.createDirectories(context.dataDir());
      Process process = builder.start();
      return awaitPidFile(process);
    } catch (IOException e) {
      throw new CamException("cannot start " + cam + " serve: " + e.getMessage(), e);
    }
  }

  private ProcessHandle awaitPidFile(Process process) {
    long deadline = System.nanoTime() + START_WAIT.toNanos();
    while (System.nanoTime() < deadline) {
      Optional<ProcessHandle> server = running();
      if (server.isPresent()) {
        return server.get();
      }
      if (!process.isAlive() && process.exitValue() != 0) {
        break;
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    throw new CamException("the background server did not start: see " + logFile());
  }
}
