package dev.cam.platform.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU time of this JVM, of its finished child processes (the tmux clients it ran) and of the tmux
 * server, read from the JVM and from {@code /proc}.
 */
final class CpuMeter {
  private static final double TICK_NANOS = 10_000_000; // USER_HZ = 100 on Linux

  private final long tmuxServerPid;

  CpuMeter(long tmuxServerPid) {
    this.tmuxServerPid = tmuxServerPid;
  }

  /** Nanoseconds: {jvm, children, tmux server}. */
  long[] sample() throws IOException {
    com.sun.management.OperatingSystemMXBean os =
        (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    String[] self = stat("self");
    String[] server = stat(Long.toString(tmuxServerPid));
    return new long[] {
      os.getProcessCpuTime(),
      ticks(self, 15) + ticks(self, 16),
      ticks(server, 13) + ticks(server, 14)
    };
  }

  /** Per cent of one core used between two samples over {@code nanos} of wall time. */
  static String percent(long[] before, long[] after, long nanos) {
    StringBuilder out = new StringBuilder();
    long total = 0;
    String[] names = {"jvm", "tmux clients", "tmux server"};
    for (int i = 0; i < 3; i++) {
      long used = after[i] - before[i];
      total += used;
      out.append(String.format("%s %.2f %%, ", names[i], 100.0 * used / nanos));
    }
    return out.append(String.format("total %.2f %%", 100.0 * total / nanos)).toString();
  }

  private static long ticks(String[] fields, int index) {
    return (long) (Long.parseLong(fields[index]) * TICK_NANOS);
  }

  /** The fields of /proc/<pid>/stat after the command name. */
  private static String[] stat(String pid) throws IOException {
    String text = Files.readString(Path.of("/proc", pid, "stat"));
    String rest = text.substring(text.lastIndexOf(')') + 2);
    String[] tail = rest.split(" ");
    String[] fields = new String[tail.length + 2];
    System.arraycopy(tail, 0, fields, 2, tail.length);
    return fields;
  }
}
