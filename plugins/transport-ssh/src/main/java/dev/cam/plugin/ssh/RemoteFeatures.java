package dev.cam.plugin.ssh;

import dev.cam.api.Machine;
import dev.cam.api.TransportException;
import dev.cam.plugin.ssh.internal.ExecResult;
import dev.cam.plugin.ssh.internal.RemoteTmux;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The tmux version of each remote machine, asked once per machine. */
final class RemoteFeatures {
  private static final Pattern VERSION = Pattern.compile("(\\d+)\\.(\\d+)");
  private final RemoteRunner runner;
  private final RemoteTmux tmux;
  private final Map<String, String> versions = new ConcurrentHashMap<>();

  RemoteFeatures(RemoteRunner runner, RemoteTmux tmux) {
    this.runner = runner;
    this.tmux = tmux;
  }

  /** {@code tmux -V} there, e.g. {@code 3.3a}. */
  String version(Machine machine) {
    return versions.computeIfAbsent(machine.label(), label -> ask(machine));
  }

  boolean atLeast(Machine machine, int major, int minor) {
    return atLeast(version(machine), major, minor);
  }

  String ask(Machine machine) {
    ExecResult result = runner.run(machine, tmux.line("-V"), null);
    if (!result.ok()) {
      throw new TransportException(
          "tmux -V failed on " + machine.label() + ": " + result.error() + "; reinstall tmux");
    }
    String text = result.stdout().strip();
    return text.startsWith("tmux ") ? text.substring(5) : text;
  }

  static boolean atLeast(String version, int major, int minor) {
    Matcher m = VERSION.matcher(version);
    if (!m.find()) {
      return true; // "master", "next-…": a development build, newer than any release
    }
    int actual = Integer.parseInt(m.group(1));
    return actual > major || (actual == major && Integer.parseInt(m.group(2)) >= minor);
  }
}
