package dev.cam.plugin.tmux.internal;

import dev.cam.api.TransportException;
import dev.cam.plugin.tmux.command.TmuxResult;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Links sessions' windows into {@link ActivityHub#WATCH_SESSION} and back out. */
final class WatchLinks {
  private WatchLinks() {}

  /** Links every window of the session not yet linked; returns the session's pane ids. */
  static Set<String> link(TmuxClient tmux, String session) {
    ensureWatchSession(tmux);
    TmuxResult panes =
        tmux.run("list-panes", "-s", "-t", "=" + session, "-F", "#{window_id} #{pane_id}");
    if (!panes.ok()) {
      throw new TransportException("cannot watch session " + session + ": " + panes.error());
    }
    Set<String> linked = new HashSet<>(watchWindows(tmux));
    Set<String> paneIds = new HashSet<>();
    List<List<String>> links = new ArrayList<>();
    for (String line : panes.lines()) {
      String[] ids = line.split(" ");
      paneIds.add(ids[1]);
      if (linked.add(ids[0])) {
        links.add(
            List.of(
                "link-window", "-d", "-s", ids[0], "-t", "=" + ActivityHub.WATCH_SESSION + ":"));
      }
    }
    if (!links.isEmpty()) {
      tmux.check("cannot watch session " + session, links);
    }
    return paneIds;
  }

  /** Unlinks the session's windows from the watch session; harmless when either is gone. */
  static void unlink(TmuxClient tmux, String session) {
    TmuxResult windows = tmux.run("list-windows", "-t", "=" + session, "-F", "#{window_id}");
    if (!windows.ok()) {
      return;
    }
    Set<String> ours = new HashSet<>(windows.lines());
    TmuxResult watched =
        tmux.run(
            "list-windows",
            "-t",
            "=" + ActivityHub.WATCH_SESSION,
            "-F",
            "#{window_id} #{window_index}");
    List<List<String>> unlinks = new ArrayList<>();
    for (String line : watched.ok() ? watched.lines() : List.<String>of()) {
      String[] parts = line.split(" ");
      if (ours.contains(parts[0])) {
        unlinks.add(
            List.of("unlink-window", "-t", "=" + ActivityHub.WATCH_SESSION + ":" + parts[1]));
      }
    }
    if (!unlinks.isEmpty()) {
      tmux.run(null, unlinks);
    }
  }

  private static List<String> watchWindows(TmuxClient tmux) {
    TmuxResult result =
        tmux.run("list-windows", "-t", "=" + ActivityHub.WATCH_SESSION, "-F", "#{window_id}");
    return result.ok() ? result.lines() : List.of();
  }

  /** The watch session holds one dead pane, so it runs nothing; creating it twice is harmless. */
  private static void ensureWatchSession(TmuxClient tmux) {
    if (tmux.run("has-session", "-t", "=" + ActivityHub.WATCH_SESSION).ok()) {
      return;
    }
    TmuxResult created =
        tmux.run(
            null,
            List.of(
                List.of(
                    "new-session",
                    "-d",
                    "-s",
                    ActivityHub.WATCH_SESSION,
                    "-x",
                    "80",
                    "-y",
                    "24",
                    "--",
                    "true"),
                List.of(
                    "set-option",
                    "-p",
                    "-t",
                    "=" + ActivityHub.WATCH_SESSION + ":",
                    "remain-on-exit",
                    "on")));
    if (!created.ok() && !created.stderr().contains("duplicate session")) {
      throw new TransportException(
          "cannot create tmux session " + ActivityHub.WATCH_SESSION + ": " + created.error());
    }
  }
}
