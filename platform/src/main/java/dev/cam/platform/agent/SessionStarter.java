package dev.cam.platform.agent;

import dev.cam.api.Agent;
import dev.cam.api.LaunchSpec;
import dev.cam.api.SessionRef;
import dev.cam.api.SessionSpec;
import dev.cam.api.ToolAdapter;
import dev.cam.api.Transport;
import dev.cam.api.TransportException;
import dev.cam.platform.monitor.AgentJournal;
import dev.cam.platform.monitor.AgentMonitor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;

/**
 * Starts one attempt's session and makes the monitor that watches it. The session's environment is
 * {@code CI=false}, then the tool's, then the agent's own, then {@value #SIGNAL_ENV} naming the
 * agent's signal file.
 */
final class SessionStarter {
  /** Environment variable naming the file a tool appends its structured signals to. */
  static final String SIGNAL_ENV = "CAM_SIGNAL_FILE";

  /** The variable CLIs read to decide they run unattended in a CI job. */
  static final String CI_ENV = "CI";

  private final AgentJournal journal;
  private final ManagerSettings settings;
  private final ScheduledExecutorService scheduler;
  private final AgentMonitor.Owner owner;

  SessionStarter(
      AgentJournal journal,
      ManagerSettings settings,
      ScheduledExecutorService scheduler,
      AgentMonitor.Owner owner) {
    this.journal = journal;
    this.settings = settings;
    this.scheduler = scheduler;
    this.owner = owner;
  }

  /** Creates the session of this attempt; a fresh attempt starts with an empty signal file. */
  SessionRef create(Agent agent, LaunchSpec spec, Transport transport) {
    Path signals = settings.signalFile(agent.id());
    if (signals != null) {
      prepare(signals);
    }
    return transport.create(
        new SessionSpec(
            "cam-" + agent.shortId(),
            agent.machine(),
            agent.cwd(),
            spec.command(),
            environment(agent, spec),
            settings.width(),
            settings.height()));
  }

  /** The session's whole environment: CAM's variables, the launch's, then the run's own. */
  Map<String, String> environment(Agent agent, LaunchSpec spec) {
    Map<String, String> env = new HashMap<>();
    // Agents run as interactive programs even when CAM itself runs under CI: several CLIs (Gemini
    // CLI among them) turn headless and exit when they see CI=true. A tool's or run's env may set
    // it.
    env.put(CI_ENV, "false");
    env.putAll(spec.env());
    env.putAll(agent.options().env());
    Path signals = settings.signalFile(agent.id());
    if (signals != null) {
      env.put(SIGNAL_ENV, signals.toString());
    }
    return env;
  }

  /** A monitor for the agent's session, not started yet. */
  AgentMonitor monitor(
      Agent agent, boolean typePrompt, SessionRef ref, Transport transport, ToolAdapter adapter) {
    return new AgentMonitor(
        agent,
        typePrompt,
        settings.signalFile(agent.id()),
        ref,
        transport,
        adapter,
        journal,
        settings.monitor(),
        scheduler,
        owner);
  }

  private static void prepare(Path signals) {
    try {
      Files.createDirectories(signals.getParent());
      Files.deleteIfExists(signals);
    } catch (IOException e) {
      throw new TransportException("cannot prepare the signal file " + signals + ": " + e);
    }
  }
}
