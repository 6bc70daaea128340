package dev.cam.platform.agent;

import dev.cam.platform.monitor.MonitorSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * How the agent manager runs agents.
 *
 * @param owner this process's name in the lease table, unique among CAM processes
 * @param monitor how agents are watched
 * @param backoff waits between attempts
 * @param leaseTtl how long a lease lasts without renewal; renewed every third of it
 * @param stopGrace how long a graceful stop waits for the tool to exit before killing it
 * @param width columns of new sessions
 * @param height rows of new sessions
 * @param threads threads shared by all monitors
 * @param signalDir where each agent's structured signal file ({@code <id>.jsonl}) is kept, or
 *     {@code null} for no signals
 * @param runDefaults options a run leaves unset, and the tools' configured launch changes
 */
public record ManagerSettings(
    String owner,
    MonitorSettings monitor,
    Backoff backoff,
    Duration leaseTtl,
    Duration stopGrace,
    int width,
    int height,
    int threads,
    Path signalDir,
    RunDefaults runDefaults) {
  public ManagerSettings {
    Objects.requireNonNull(owner, "owner");
    Objects.requireNonNull(monitor, "monitor");
    Objects.requireNonNull(backoff, "backoff");
    Objects.requireNonNull(leaseTtl, "leaseTtl");
    Objects.requireNonNull(stopGrace, "stopGrace");
    Objects.requireNonNull(runDefaults, "runDefaults");
    if (threads < 1) {
      throw new IllegalArgumentException("the monitor needs at least one thread");
    }
  }

  /** Defaults for a process named {@code owner}. */
  public static ManagerSettings defaults(String owner) {
    return new ManagerSettings(
        owner,
        MonitorSettings.DEFAULTS,
        Backoff.DEFAULTS,
        Duration.ofSeconds(30),
        Duration.ofSeconds(5),
        200,
        50,
        2,
        null,
        RunDefaults.NONE);
  }

  public ManagerSettings withMonitor(MonitorSettings newMonitor) {
    return new ManagerSettings(
        owner,
        newMonitor,
        backoff,
        leaseTtl,
        stopGrace,
        width,
        height,
        threads,
        signalDir,
        runDefaults);
  }

  public ManagerSettings withBackoff(Backoff newBackoff) {
    return new ManagerSettings(
        owner,
        monitor,
        newBackoff,
        leaseTtl,
        stopGrace,
        width,
        height,
        threads,
        signalDir,
        runDefaults);
  }

  public ManagerSettings withOwner(String newOwner) {
    return new ManagerSettings(
        newOwner,
        monitor,
        backoff,
        leaseTtl,
        stopGrace,
        width,
        height,
        threads,
        signalDir,
        runDefaults);
  }

  public ManagerSettings withLeaseTtl(Duration ttl) {
    return new ManagerSettings(
        owner, monitor, backoff, ttl, stopGrace, width, height, threads, signalDir, runDefaults);
  }

  public ManagerSettings withThreads(int count) {
    return new ManagerSettings(
        owner, monitor, backoff, leaseTtl, stopGrace, width, height, count, signalDir, runDefaults);
  }

  /** Signal files go to {@code dir}; {@code null} turns signals off. */
  public ManagerSettings withSignalDir(Path dir) {
    return new ManagerSettings(
        owner, monitor, backoff, leaseTtl, stopGrace, width, height, threads, dir, runDefaults);
  }

  public ManagerSettings withRunDefaults(RunDefaults defaults) {
    return new ManagerSettings(
        owner, monitor, backoff, leaseTtl, stopGrace, width, height, threads, signalDir, defaults);
  }

  /** The signal file of an agent, or {@code null} when signals are off. */
  public Path signalFile(String agentId) {
    return signalDir == null ? null : signalDir.resolve(agentId + ".jsonl");
  }
}
