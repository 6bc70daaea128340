package dev.cam.plugin.ssh;

import dev.cam.api.Machine;
import dev.cam.api.SessionRef;
import dev.cam.api.SessionSpec;
import dev.cam.api.Transport;
import dev.cam.plugin.tmux.TmuxSettings;
import dev.cam.plugin.tmux.TmuxTransport;
import dev.cam.plugin.tmux.testkit.FakeAgent;
import dev.cam.plugin.tmux.testkit.TmuxFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.keyprovider.KeyPairProvider;

/**
 * Latency of capture and send over SSH to 127.0.0.1 (embedded MINA server, real tmux) beside the
 * local tmux transport on the same tmux server, and the time of one poll round over 20 remote
 * agents. Run by {@code bench/ssh.sh}; arguments: iterations (default 300).
 */
public final class SshBench {
  private SshBench() {}

  public static void main(String[] args) throws Exception {
    int iterations = args.length > 0 ? Integer.parseInt(args[0]) : 300;
    KeyPair key = KeyUtils.generateKeyPair(KeyPairProvider.SSH_ED25519, 256);
    try (TmuxFixture tmux = TmuxFixture.start();
        SshServerFixture server = new SshServerFixture(key.getPublic())) {
      server.start();
      Path dir = tmux.dir();
      Path keyFile = SshServerFixture.writeKey(key, dir.resolve("id"));
      Path knownHosts = dir.resolve("known_hosts");
      Files.writeString(knownHosts, server.knownHostsLine(server.hostKey()));
      SshSettings settings =
          new SshSettings(
              knownHosts,
              dir.resolve("cam_known_hosts"),
              false,
              null,
              List.of(keyFile),
              null,
              null,
              null,
              Duration.ofSeconds(10),
              Duration.ofSeconds(15),
              Duration.ofSeconds(15),
              Duration.ofSeconds(1),
              "tmux",
              tmux.socket().toString());
      Machine remote = Machine.remote("127.0.0.1", "cam", server.port(), null);
      Path script = FakeAgent.script(dir, "ready", "ready", "ready");
      List<String> command = FakeAgent.command(script, null);
      SshTransport ssh = new SshTransport(settings);
      TmuxTransport local = new TmuxTransport(TmuxSettings.at(tmux.socket()));
      try {
        SessionRef viaSsh = ssh.create(spec("cam-ssh", remote, dir, command));
        SessionRef viaTmux = local.create(spec("cam-local", Machine.LOCAL, dir, command));
        measure(
            "capture", iterations, local, viaTmux, ssh, viaSsh, (t, s) -> t.capture(s, 0, false));
        measure("send", iterations, local, viaTmux, ssh, viaSsh, (t, s) -> t.sendText(s, "x"));
        pollRound(ssh, remote, dir, command, Math.max(20, iterations / 10));
      } finally {
        ssh.list(remote).forEach(ssh::kill);
        ssh.close();
        local.close();
      }
    }
  }

  private static SessionSpec spec(String name, Machine machine, Path dir, List<String> command) {
    return new SessionSpec(name, machine, dir.toString(), command, Map.of(), 100, 30);
  }

  interface Op {
    void run(Transport transport, SessionRef session);
  }

  private static void measure(
      String what, int n, Transport local, SessionRef l, Transport ssh, SessionRef s, Op op) {
    long[] localTimes = times(n, () -> op.run(local, l));
    long[] sshTimes = times(n, () -> op.run(ssh, s));
    System.out.printf(
        Locale.ROOT,
        "%-8s local tmux p50 %6.2f ms p99 %6.2f ms | ssh 127.0.0.1 p50 %6.2f ms p99 %6.2f ms%n",
        what,
        ms(localTimes, 50),
        ms(localTimes, 99),
        ms(sshTimes, 50),
        ms(sshTimes, 99));
  }

  private static void pollRound(
      SshTransport ssh, Machine remote, Path dir, List<String> command, int rounds) {
    List<SessionRef> agents = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      agents.add(ssh.create(spec("cam-w" + i, remote, dir, command)));
    }
    Consumer<SessionRef> capture = a -> ssh.capture(a, 0, false);
    long cpuBefore = cpuNanos();
    long[] times = times(rounds, () -> agents.forEach(capture));
    double cpuPerRound = (cpuNanos() - cpuBefore) / 1e6 / rounds;
    System.out.printf(
        Locale.ROOT,
        "poll of 20 remote agents (one capture each, serial): p50 %.1f ms p99 %.1f ms,"
            + " CAM-side CPU %.1f ms per round (client and embedded server share the JVM)%n",
        ms(times, 50),
        ms(times, 99),
        cpuPerRound);
  }

  private static long[] times(int n, Runnable op) {
    for (int i = 0; i < Math.min(50, n); i++) {
      op.run(); // warm-up
    }
    long[] times = new long[n];
    for (int i = 0; i < n; i++) {
      long start = System.nanoTime();
      op.run();
      times[i] = System.nanoTime() - start;
    }
    Arrays.sort(times);
    return times;
  }

  private static double ms(long[] sorted, int percentile) {
    int index =
        Math.min(sorted.length - 1, (int) Math.ceil(percentile / 100.0 * sorted.length) - 1);
    return sorted[Math.max(0, index)] / 1e6;
  }

  private static long cpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean)
            java.lang.management.ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }
}
