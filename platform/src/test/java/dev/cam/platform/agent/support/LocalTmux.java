package dev.cam.platform.agent.support;

import dev.cam.api.ConnectionReport;
import dev.cam.api.Machine;
import dev.cam.api.Screen;
import dev.cam.api.SessionRef;
import dev.cam.api.SessionSpec;
import dev.cam.api.Subscription;
import dev.cam.api.Transport;
import dev.cam.api.TransportException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A plain {@link Transport} over tmux on a private socket, for the platform's own tests: one tmux
 * process per call; with {@code watch} on, activity comes from one control-mode client ({@link
 * ControlWatch}), otherwise monitors poll. Closing kills the tmux server.
 */
public final class LocalTmux implements Transport, AutoCloseable {
  private final Path socket;
  private final boolean watch;
  private ControlWatch control;

  public LocalTmux(Path socket, boolean watch) {
    this.socket = socket;
    this.watch = watch;
  }

  @Override
  public Subscription watch(SessionRef session, Runnable onActivity) {
    if (!watch) {
      return null;
    }
    String pane =
        tmux(List.of("display-message", "-p", "-t", target(session), "#{pane_id}")).strip();
    ControlWatch watcher = control();
    watcher.add(pane, onActivity);
    tmux(List.of("link-window", "-d", "-s", target(session), "-t", ControlWatch.SESSION + ":"));
    return () -> watcher.remove(pane, onActivity);
  }

  /** The control client once it runs; commands then go through it instead of new processes. */
  private synchronized ControlWatch channel() {
    return control;
  }

  private synchronized ControlWatch control() {
    if (control == null) {
      tmux(List.of("new-session", "-d", "-s", ControlWatch.SESSION, "cat"));
      try {
        control = new ControlWatch(List.of("tmux", "-u", "-S", socket.toString()));
      } catch (IOException e) {
        throw new TransportException("could not start a tmux control client: " + e.getMessage());
      }
    }
    return control;
  }

  @Override
  public String id() {
    return "tmux";
  }

  @Override
  public boolean supports(Machine machine) {
    return machine.isLocal();
  }

  @Override
  public SessionRef create(SessionSpec spec) {
    List<String> args = new ArrayList<>(List.of("new-session", "-d", "-s", spec.name()));
    args.addAll(List.of("-x", "" + spec.width(), "-y", "" + spec.height(), "-c", spec.cwd()));
    for (Map.Entry<String, String> e : spec.env().entrySet()) {
      args.addAll(List.of("-e", e.getKey() + "=" + e.getValue()));
    }
    args.addAll(spec.command());
    tmux(args);
    return new SessionRef(id(), spec.machine(), spec.name());
  }

  @Override
  public void sendText(SessionRef session, String text) {
    tmux(List.of("send-keys", "-t", target(session), "-l", "--", text));
  }

  @Override
  public void sendKeys(SessionRef session, List<String> keys) {
    List<String> args = new ArrayList<>(List.of("send-keys", "-t", target(session)));
    args.addAll(keys);
    tmux(args);
  }

  @Override
  public Screen capture(SessionRef session, int scrollback, boolean keepAnsi) {
    List<String> args = new ArrayList<>(List.of("capture-pane", "-p", "-t", target(session)));
    if (scrollback > 0) {
      args.addAll(List.of("-S", "-" + scrollback));
    }
    if (keepAnsi) {
      args.add("-e");
    }
    ControlWatch channel = channel();
    String out = channel == null ? tmux(args) : channel.command(String.join(" ", args));
    List<String> lines = new ArrayList<>(List.of(out.split("\n", -1)));
    if (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
      lines.remove(lines.size() - 1);
    }
    return new Screen(lines, 200, lines.size(), Instant.now());
  }

  @Override
  public boolean isAlive(SessionRef session) {
    return run(List.of("has-session", "-t", "=" + session.name())).exit == 0;
  }

  @Override
  public void kill(SessionRef session) {
    run(List.of("kill-session", "-t", "=" + session.name()));
  }

  @Override
  public List<SessionRef> list(Machine machine) {
    Result r = run(List.of("list-sessions", "-F", "#{session_name}"));
    if (r.exit != 0) {
      return List.of();
    }
    return r.out
        .lines()
        .filter(n -> !n.equals(ControlWatch.SESSION))
        .map(n -> new SessionRef(id(), machine, n))
        .toList();
  }

  @Override
  public List<String> attachCommand(SessionRef session) {
    return List.of("tmux", "-S", socket.toString(), "attach", "-t", session.name());
  }

  @Override
  public ConnectionReport test(Machine machine) {
    throw new UnsupportedOperationException("not needed by the tests");
  }

  /** The screen through a {@code tmux capture-pane} process of its own, as a plain script would. */
  public Screen captureByProcess(SessionRef session) {
    String out = tmux(List.of("capture-pane", "-p", "-t", target(session)));
    return new Screen(List.of(out.split("\n")), 200, 50, Instant.now());
  }

  /** The tmux server's process id. */
  public String serverPid() {
    return tmux(List.of("display-message", "-p", "#{pid}"));
  }

  @Override
  public void close() {
    run(List.of("kill-server"));
    synchronized (this) {
      if (control != null) {
        control.close();
      }
    }
  }

  private static String target(SessionRef session) {
    return "=" + session.name() + ":";
  }

  private String tmux(List<String> args) {
    Result r = run(args);
    if (r.exit != 0) {
      throw new TransportException("tmux " + args.get(0) + " failed: " + r.out.strip());
    }
    return r.out;
  }

  private record Result(int exit, String out) {}

  private Result run(List<String> args) {
    List<String> command = new ArrayList<>(List.of("tmux", "-u", "-S", socket.toString()));
    command.addAll(args);
    try {
      Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
      p.getOutputStream().close();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      return new Result(p.waitFor(), out);
    } catch (IOException e) {
      throw new TransportException("could not run tmux: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new TransportException("interrupted while running tmux");
    }
  }
}
