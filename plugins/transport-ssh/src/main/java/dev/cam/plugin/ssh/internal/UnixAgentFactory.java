package dev.cam.plugin.ssh.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.apache.sshd.agent.SshAgent;
import org.apache.sshd.agent.SshAgentFactory;
import org.apache.sshd.agent.SshAgentServer;
import org.apache.sshd.common.FactoryManager;
import org.apache.sshd.common.channel.ChannelFactory;
import org.apache.sshd.common.session.ConnectionService;
import org.apache.sshd.common.session.Session;

/**
 * Lets MINA's public-key login use the keys of the ssh-agent at {@code SSH_AUTH_SOCK}. Only the
 * client side: CAM forwards no agent to remote machines.
 */
final class UnixAgentFactory implements SshAgentFactory {
  private final Path socket;
  private final Duration timeout;

  UnixAgentFactory(Path socket, Duration timeout) {
    this.socket = socket;
    this.timeout = timeout;
  }

  @Override
  public List<ChannelFactory> getChannelForwardingFactories(FactoryManager manager) {
    return List.of();
  }

  @Override
  public SshAgent createClient(Session session, FactoryManager manager) throws IOException {
    return new UnixAgent(socket, timeout);
  }

  @Override
  public SshAgentServer createServer(ConnectionService service) {
    throw new UnsupportedOperationException("CAM does not forward its ssh-agent");
  }
}
