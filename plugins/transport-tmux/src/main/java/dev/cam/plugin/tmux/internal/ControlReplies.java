package dev.cam.plugin.tmux.internal;

import dev.cam.plugin.tmux.command.TmuxResult;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Matches a control client's replies to the commands it sent. tmux answers a client's commands in
 * the order they were sent, each framed as {@code %begin TIME NUMBER FLAGS}, output lines, then
 * {@code %end} or {@code %error} with the same three words; FLAGS is 1 for a command of this client
 * (the attach itself has 0). Notifications never come inside a frame. A pane line that merely looks
 * like {@code %end} does not close the frame unless it repeats its exact time and number.
 *
 * <p>Threading: {@link #expect} from writers (in the order they write), {@link #accept} and {@link
 * #failAll} from the reader.
 */
final class ControlReplies {
  private final Deque<CompletableFuture<TmuxResult>> pending = new ArrayDeque<>();
  private final List<String> lines = new ArrayList<>();
  private String guard;

  /** Registers the reply to the command about to be written. */
  synchronized void expect(CompletableFuture<TmuxResult> reply) {
    pending.add(reply);
  }

  /** Takes one line the client printed (ISO-8859-1 decoded); true when it belongs to a reply. */
  boolean accept(String line) {
    if (guard == null) {
      if (!line.startsWith("%begin ")) {
        return false;
      }
      guard = line.substring("%begin ".length());
      lines.clear();
      return true;
    }
    boolean ok = line.equals("%end " + guard);
    if (ok || line.equals("%error " + guard)) {
      if (guard.endsWith(" 1")) {
        complete(ok);
      }
      guard = null;
      return true;
    }
    lines.add(new String(line.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8));
    return true;
  }

  /** The client ended: nothing more will be answered. */
  synchronized void failAll(RuntimeException why) {
    pending.forEach(reply -> reply.completeExceptionally(why));
    pending.clear();
  }

  private void complete(boolean ok) {
    CompletableFuture<TmuxResult> reply;
    synchronized (this) {
      reply = pending.poll();
    }
    if (reply == null) {
      return;
    }
    StringBuilder text = new StringBuilder();
    lines.forEach(l -> text.append(l).append('\n'));
    reply.complete(
        ok ? new TmuxResult(0, text.toString(), "") : new TmuxResult(1, "", text.toString()));
  }
}
