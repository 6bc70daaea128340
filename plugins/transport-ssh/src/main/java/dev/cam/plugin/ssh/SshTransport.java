package dev.cam.plugin.ssh;

import dev.cam.api.ConnectionReport;
import dev.cam.api.InvalidInputException;
import dev.cam.api.Machine;
import dev.cam.api.PlatformContext;
import dev.cam.api.Screen;
import dev.cam.api.SessionRef;
import dev.cam.api.SessionSpec;
import dev.cam.api.Transport;
import dev.cam.api.TransportException;
import dev.cam.plugin.ssh.internal.Connections;
import dev.cam.plugin.ssh.internal.RemoteKill;
import dev.cam.plugin.ssh.internal.RemoteShell;
import dev.cam.plugin.ssh.internal.RemoteTmux;
import dev.cam.plugin.tmux.command.KeyNames;
import dev.cam.plugin.tmux.command.TextInput;
import dev.cam.plugin.tmux.command.TmuxResult;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.pf4j.Extension;

/**
 * Sessions in tmux on remote machines, on CAM's own tmux server there ({@code tmux -L cam}), driven
 * over one SSH connection per host (Apache MINA SSHD; no {@code ssh} program needed). Every tmux
 * call is one exec channel on that connection; every argument is single-quoted for the remote
 * shell, and text goes as hex bytes or through a paste buffer fed on the channel's stdin, so
 * nothing the agent is sent can be read as shell or tmux syntax.
 *
 * <p>{@link #watch} is not offered (it returns {@code null}): the monitor polls remote sessions.
 *
 * <p>Threading: all methods may be called from any thread; calls to one host share its connection.
 * {@link #close()} closes every connection and stops the SSH client's threads; sessions keep
 * running on their machines.
 */
@Extension
public final class SshTransport implements Transport {
  /** Prefix of the sessions {@link #list} reports as CAM's. */
  public static final String SESSION_PREFIX = "cam-";

  /** The exit code of a shell that could not find the program. */
  private static final int PROGRAM_MISSING = 127;

  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,99}");
  private final SshSettings settings;
  private final Connections connections;
  private final RemoteTmux tmux;
  private final RemoteFeatures features;

  /** The extension's constructor: settings from {@code ssh.*} in CAM's config. */
  public SshTransport(PlatformContext context) {
    this(
        SshSettings.fromConfig(
            context.config(), context.configDir(), System.getenv("SSH_AUTH_SOCK")));
  }

  public SshTransport(SshSettings settings) {
    this.settings = settings;
    this.connections = new Connections(settings);
    this.tmux = new RemoteTmux(settings.tmuxExecutable(), settings.tmuxSocket());
    this.features = new RemoteFeatures(this::run, tmux);
  }

  @Override
  public String id() {
    return "ssh";
  }

  @Override
  public boolean supports(Machine machine) {
    return machine != null && !machine.isLocal();
  }

  @Override
  public SessionRef create(SessionSpec spec) {
    Machine machine = remote(spec.machine());
    String name = checkName(spec.name());
    TmuxResult result = run(machine, tmux.createLine(spec, name, features.of(machine)), null);
    if (result.exitCode() == RemoteTmux.NO_DIRECTORY) {
      throw new InvalidInputException(
          "working directory "
              + spec.cwd()
              + " does not exist on "
              + machine.label()
              + ": create it there or give another");
    }
    if (!result.ok()) {
      String hint =
          result.stderr().contains("duplicate session")
              ? ": a session of that name already runs there; pick another name"
              : "";
      throw new TransportException(
          "cannot create session "
              + name
              + " on "
              + machine.label()
              + ": tmux said: "
              + result.error()
              + hint);
    }
    return new SessionRef(id(), machine, name);
  }

  @Override
  public void sendText(SessionRef session, String text) {
    String target = target(checked(session));
    if (text.isEmpty()) {
      return;
    }
    if (TextInput.needsPaste(text)) {
      expect(
          session,
          run(
              session.machine(),
              tmux.line(TextInput.pasteCommands(target)),
              text.getBytes(StandardCharsets.UTF_8)));
      return;
    }
    expect(
        session,
        run(session.machine(), tmux.line(List.of(TextInput.typeCommand(target, text))), null));
  }

  @Override
  public void sendKeys(SessionRef session, List<String> keys) {
    String target = target(checked(session));
    if (!keys.isEmpty()) {
      expect(session, run(session.machine(), tmux.line(KeyNames.commands(target, keys)), null));
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
    List<String> size =
        List.of("display-message", "-p", "-t", target, "#{pane_width} #{pane_height}");
    TmuxResult result = run(session.machine(), tmux.line(List.of(size, capture)), null);
    expect(session, result);
    List<String> lines = result.lines();
    String[] dimensions = lines.get(0).split(" ");
    return new Screen(
        lines.subList(1, lines.size()),
        Integer.parseInt(dimensions[0]),
        Integer.parseInt(dimensions[1]),
        Instant.now());
  }

  @Override
  public boolean isAlive(SessionRef session) {
    String name = checked(session);
    TmuxResult result =
        run(
            session.machine(),
            tmux.line("list-panes", "-s", "-t", "=" + name, "-F", "#{pane_dead}"),
            null);
    if (result.sessionGone()) {
      return false;
    }
    expect(session, result);
    return !result.lines().isEmpty() && "0".equals(result.lines().get(0));
  }

  @Override
  public void kill(SessionRef session) {
    String name = checked(session);
    TmuxResult result = run(session.machine(), RemoteKill.line(tmux, name), null);
    if (!result.sessionGone()) {
      expect(session, result);
    }
  }

  @Override
  public List<SessionRef> list(Machine machine) {
    Machine remote = remote(machine);
    TmuxResult result = run(remote, tmux.line("list-sessions", "-F", "#{session_name}"), null);
    if (result.sessionGone()) {
      return List.of();
    }
    if (!result.ok()) {
      throw new TransportException(
          "cannot list tmux sessions on " + remote.label() + ": " + result.error());
    }
    return result.lines().stream()
        .filter(n -> n.startsWith(SESSION_PREFIX))
        .map(n -> new SessionRef(id(), remote, n))
        .toList();
  }

  @Override
  public List<String> attachCommand(SessionRef session) {
    return AttachCommand.of(session.machine(), tmux, checked(session));
  }

  @Override
  public ConnectionReport test(Machine machine) {
    return new RemoteProbe(this::run, tmux).report(remote(machine));
  }

  /** With {@code acceptNewHostKey}, an unknown host's key is added to CAM's known_hosts. */
  @Override
  public ConnectionReport test(Machine machine, boolean acceptNewHostKey) {
    if (!acceptNewHostKey || settings.acceptNew()) {
      return test(machine);
    }
    SshTransport accepting = new SshTransport(settings.withAcceptNew(true));
    try {
      return accepting.test(machine);
    } finally {
      accepting.close();
    }
  }

  /** How many SSH connections are open now: one per host in use. */
  public int openConnections() {
    return connections.openCount();
  }

  @Override
  public void close() {
    connections.close();
  }

  /** Runs a shell line on the machine over its shared connection. */
  TmuxResult run(Machine machine, String line, byte[] stdin) {
    TmuxResult result =
        RemoteShell.run(
            connections.session(machine), machine.label(), line, stdin, settings.commandTimeout());
    if (result.exitCode() == PROGRAM_MISSING) {
      throw new TransportException(
          "tmux is not installed on "
              + machine.label()
              + " (the remote shell said: "
              + result.error()
              + "): install it there (apt install tmux) or set ssh.tmux_executable to its path");
    }
    return result;
  }

  private String checked(SessionRef session) {
    if (!id().equals(session.transport())) {
      throw new InvalidInputException(
          "session "
              + session.name()
              + " belongs to transport "
              + session.transport()
              + ", not ssh");
    }
    remote(session.machine());
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

  private static Machine remote(Machine machine) {
    if (machine == null || machine.isLocal()) {
      throw new InvalidInputException(
          "the ssh transport runs sessions on remote machines: give the context a host");
    }
    return machine;
  }

  private static void expect(SessionRef session, TmuxResult result) {
    if (result.sessionGone()) {
      throw new TransportException(
          "session "
              + session.name()
              + " is gone: it is no longer on CAM's tmux server on "
              + session.machine().label());
    }
    if (!result.ok()) {
      throw new TransportException(
          "tmux failed on session "
              + session.name()
              + " on "
              + session.machine().label()
              + ": "
              + result.error());
    }
  }
}
