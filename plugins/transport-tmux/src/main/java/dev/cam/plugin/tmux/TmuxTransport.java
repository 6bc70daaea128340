package dev.cam.plugin.tmux;

import dev.cam.api.ConnectionReport;
import dev.cam.api.InvalidInputException;
import dev.cam.api.Machine;
import dev.cam.api.PlatformContext;
import dev.cam.api.Screen;
import dev.cam.api.SessionRef;
import dev.cam.api.SessionSpec;
import dev.cam.api.Subscription;
import dev.cam.api.Transport;
import dev.cam.api.TransportException;
import dev.cam.plugin.tmux.command.KeyNames;
import dev.cam.plugin.tmux.command.SessionCommand;
import dev.cam.plugin.tmux.command.TextInput;
import dev.cam.plugin.tmux.command.TmuxFeatures;
import dev.cam.plugin.tmux.command.TmuxResult;
import dev.cam.plugin.tmux.internal.ActivityHub;
import dev.cam.plugin.tmux.internal.ProcessTrees;
import dev.cam.plugin.tmux.internal.TmuxClient;
import dev.cam.plugin.tmux.internal.TmuxProbe;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.pf4j.Extension;

/**
 * Sessions in tmux on this machine, on CAM's own tmux server ({@code tmux -L cam} unless {@link
 * TmuxSettings} say otherwise), so a person's tmux server is never touched.
 *
 * <p>Every tmux call is a separate client process started with an argument list; text is sent as
 * bytes or through a paste buffer fed on stdin, so no shell and no tmux parsing can alter it. A
 * session's pane stays after its program exits ({@code remain-on-exit}) so the last screen of a
 * crashed agent can still be captured; such a session is not {@linkplain #isAlive alive}.
 *
 * <p>Threading: all methods may be called from any thread. {@link #close()} stops the activity
 * watcher's threads and its control client; sessions keep running.
 */
@Extension
public final class TmuxTransport implements Transport {
  /** Prefix of the sessions {@link #list} reports as CAM's. */
  public static final String SESSION_PREFIX = "cam-";

  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,99}");
  private final TmuxSettings settings;
  private final TmuxClient tmux;
  private final ActivityHub activity;
  private volatile TmuxFeatures features;

  /** The extension's constructor: settings from {@code transport.tmux.*} in CAM's config. */
  public TmuxTransport(PlatformContext context) {
    this(TmuxSettings.fromConfig(context.config(), context.dataDir()));
  }

  public TmuxTransport(TmuxSettings settings) {
    this.settings = settings;
    this.tmux = new TmuxClient(settings.executable(), settings.socketArgs());
    this.activity = new ActivityHub(tmux, settings.activityInterval());
  }

  @Override
  public String id() {
    return "tmux";
  }

  @Override
  public boolean supports(Machine machine) {
    return machine == null || machine.isLocal();
  }

  @Override
  public SessionRef create(SessionSpec spec) {
    local(spec.machine());
    String name = checkName(spec.name());
    TmuxResult result =
        tmux.run(
            null,
            SessionCommand.create(
                spec,
                name,
                SessionCommand.localDirectory(spec.cwd()),
                features(),
                settings.historyLimit()));
    if (!result.ok()) {
      if (result.stderr().contains("duplicate session")) {
        throw new TransportException(
            "a session named "
                + name
                + " already exists on CAM's tmux server: pick another name"
                + " or end it with: "
                + String.join(" ", tmux.commandLine(List.of("kill-session", "-t", name))));
      }
      throw new TransportException(
          "cannot create session " + name + ": tmux said: " + result.error());
    }
    return ref(name);
  }

  @Override
  public void sendText(SessionRef session, String text) {
    String target = target(checked(session));
    if (text.isEmpty()) {
      return;
    }
    if (TextInput.needsPaste(text)) {
      expectSession(
          session,
          tmux.run(text.getBytes(StandardCharsets.UTF_8), TextInput.pasteCommands(target)));
      return;
    }
    expectSession(session, tmux.run(null, List.of(TextInput.typeCommand(target, text))));
  }

  @Override
  public void sendKeys(SessionRef session, List<String> keys) {
    String target = target(checked(session));
    if (!keys.isEmpty()) {
      expectSession(session, tmux.run(null, KeyNames.commands(target, keys)));
    }
  }

  @Override
  public Screen capture(SessionRef session, int scrollback, boolean keepAnsi) {
    String target = target(checked(session));
    List<String> capture = new ArrayList<>(List.of("capture-pane", "-p", "-t", target));
    if (keepAnsi) {
      capture.add("-e");
    }
    if (scrollback > 0) {
      capture.addAll(List.of("-S", String.valueOf(-scrollback)));
    }
    TmuxResult result =
        tmux.run(
            null,
            List.of(
                List.of("display-message", "-p", "-t", target, "#{pane_width} #{pane_height}"),
                capture));
    expectSession(session, result);
    List<String> lines = result.lines();
    String[] size = lines.get(0).split(" ");
    return new Screen(
        lines.subList(1, lines.size()),
        Integer.parseInt(size[0]),
        Integer.parseInt(size[1]),
        Instant.now());
  }

  @Override
  public boolean isAlive(SessionRef session) {
    TmuxResult result =
        tmux.run("list-panes", "-s", "-t", "=" + checked(session), "-F", "#{pane_dead}");
    if (result.sessionGone()) {
      return false;
    }
    expectSession(session, result);
    return !result.lines().isEmpty() && "0".equals(result.lines().get(0));
  }

  @Override
  public void kill(SessionRef session) {
    String name = checked(session);
    TmuxResult panes =
        tmux.run("list-panes", "-s", "-t", "=" + name, "-F", "#{window_id} #{pane_pid}");
    if (panes.sessionGone()) {
      return;
    }
    expectSession(session, panes);
    ProcessTrees.killWindows(tmux, panes.lines());
  }

  @Override
  public List<SessionRef> list(Machine machine) {
    local(machine);
    TmuxResult result = tmux.run("list-sessions", "-F", "#{session_name}");
    if (result.sessionGone()) {
      return List.of();
    }
    if (!result.ok()) {
      throw new TransportException("cannot list tmux sessions: " + result.error());
    }
    return result.lines().stream()
        .filter(n -> n.startsWith(SESSION_PREFIX))
        .map(this::ref)
        .toList();
  }

  @Override
  public List<String> attachCommand(SessionRef session) {
    return tmux.commandLine(List.of("attach-session", "-t", checked(session)));
  }

  @Override
  public ConnectionReport test(Machine machine) {
    local(machine);
    return new TmuxProbe(tmux).report();
  }

  @Override
  public Subscription watch(SessionRef session, Runnable onActivity) {
    return activity.watch(checked(session), onActivity);
  }

  /** Pid of the control-mode client that reports activity, or -1 when none runs. */
  public long activityClientPid() {
    return activity.clientPid();
  }

  @Override
  public void close() {
    activity.close();
  }

  private TmuxFeatures features() {
    TmuxFeatures known = features;
    if (known == null) {
      known = new TmuxProbe(tmux).features();
      features = known;
    }
    return known;
  }

  private SessionRef ref(String name) {
    return new SessionRef(id(), Machine.LOCAL, name);
  }

  private String checked(SessionRef session) {
    if (!id().equals(session.transport())) {
      throw new InvalidInputException(
          "session "
              + session.name()
              + " belongs to transport "
              + session.transport()
              + ", not tmux");
    }
    local(session.machine());
    return checkName(session.name());
  }

  private static String checkName(String name) {
    if (!NAME.matcher(name).matches()) {
      throw new InvalidInputException(
          "session name '" + name + "' is not usable in tmux: use letters, digits, - and _");
    }
    return name;
  }

  /** Exactly this session (no prefix match), its active pane. */
  private static String target(String name) {
    return "=" + name + ":";
  }

  private static void local(Machine machine) {
    if (machine != null && !machine.isLocal()) {
      throw new InvalidInputException(
          "the tmux transport runs sessions on this machine only; "
              + machine.label()
              + " needs the ssh transport");
    }
  }

  private static void expectSession(SessionRef session, TmuxResult result) {
    if (result.sessionGone()) {
      throw new TransportException(
          "session " + session.name() + " is gone: it is no longer on CAM's tmux server");
    }
    if (!result.ok()) {
      throw new TransportException(
          "tmux failed on session " + session.name() + ": " + result.error());
    }
  }
}
