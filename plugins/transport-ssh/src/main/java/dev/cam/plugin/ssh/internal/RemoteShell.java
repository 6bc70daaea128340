package dev.cam.plugin.ssh.internal;

import dev.cam.api.TransportException;
import dev.cam.plugin.tmux.command.TmuxResult;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;
import org.apache.sshd.client.channel.ChannelExec;
import org.apache.sshd.client.channel.ClientChannelEvent;
import org.apache.sshd.client.session.ClientSession;

/**
 * Runs one command line in an exec channel of an authenticated session: stdin fed and closed,
 * output collected, the whole bounded by a timeout. Channels are cheap; many run at once on one
 * session.
 */
public final class RemoteShell {
  private RemoteShell() {}

  /**
   * @param where the machine, for messages
   * @param stdin bytes for the command's stdin, or {@code null}
   */
  public static TmuxResult run(
      ClientSession session, String where, String line, byte[] stdin, Duration timeout) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    try (ChannelExec channel = session.createExecChannel(line)) {
      channel.setOut(out);
      channel.setErr(err);
      channel.open().verify(timeout);
      try (OutputStream in = channel.getInvertedIn()) {
        if (stdin != null) {
          in.write(stdin);
          in.flush();
        }
      }
      Set<ClientChannelEvent> events =
          channel.waitFor(EnumSet.of(ClientChannelEvent.CLOSED), timeout);
      if (events.contains(ClientChannelEvent.TIMEOUT)) {
        throw new TransportException(
            where
                + " did not finish a tmux command within "
                + timeout.toMillis()
                + " ms: the machine or its tmux hangs; check it or raise ssh.command_timeout");
      }
      Integer status = channel.getExitStatus();
      if (status == null) {
        throw cut(where, null);
      }
      return new TmuxResult(
          status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw cut(where, e);
    }
  }

  private static TransportException cut(String where, IOException cause) {
    return new TransportException(
        "the connection to "
            + where
            + " was cut while a tmux command ran"
            + (cause == null ? "" : " (" + cause.getMessage() + ")")
            + ": CAM reconnects on the next call; if this repeats, check the network and sshd there",
        cause);
  }
}
