package dev.cam.plugin.ssh.internal;

/**
 * The shell line that ends a remote session and everything it started. tmux hangs up on a pane's
 * process when it kills the session, but programs that ignore the hang-up, or children that outlive
 * their parent, would keep running on the remote machine: the process tree under each pane is noted
 * first ({@code ps}), and whatever of it survives the kill is sent TERM, then KILL after a second.
 * One exec on the connection; exit 0 when done, tmux's error when the session is not there.
 */
public final class RemoteKill {
  private static final String TREE =
      "ps -e -o pid= -o ppid= | awk -v roots=\"$panes\" 'BEGIN { n = split(roots, r, \" \");"
          + " for (i = 1; i <= n; i++) keep[r[i]] = 1 } { parent[$1] = $2 } END { grew = 1;"
          + " while (grew) { grew = 0; for (p in parent) if (!(p in keep) && (parent[p] in keep))"
          + " { keep[p] = 1; grew = 1 } } for (p in keep) print p }'";
  private static final String SURVIVORS =
      "alive() { for p in $pids; do kill -0 \"$p\" 2>/dev/null && return 0; done; return 1; }; "
          + "kill -TERM $pids 2>/dev/null; i=0; "
          + "while [ $i -lt 10 ] && alive; do sleep 0.1; i=$((i+1)); done; "
          + "kill -KILL $pids 2>/dev/null; exit 0";

  private RemoteKill() {}

  /** The line for session {@code name}. */
  public static String line(RemoteTmux tmux, String name) {
    String session = "=" + name;
    return "panes=$("
        + tmux.line("list-panes", "-s", "-t", session, "-F", "#{pane_dead} #{pane_pid}")
        // a dead pane's pid may belong to another program by now
        + ") || exit 1; panes=$(echo \"$panes\" | awk '$1 == 0 { print $2 }'); pids=$("
        + TREE
        + "); "
        + tmux.line("kill-session", "-t", session)
        + " || exit 1; "
        + SURVIVORS;
  }
}
