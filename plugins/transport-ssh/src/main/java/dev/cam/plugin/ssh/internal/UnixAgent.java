package dev.cam.plugin.ssh.internal;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.time.Duration;
import org.apache.sshd.agent.common.AbstractAgentProxy;
import org.apache.sshd.common.util.buffer.Buffer;
import org.apache.sshd.common.util.buffer.ByteArrayBuffer;

/**
 * A client of a running ssh-agent over its unix socket ({@code SSH_AUTH_SOCK}), with the JDK's own
 * unix domain sockets, so no native library is needed. MINA's proxy speaks the agent protocol; this
 * class moves its length-prefixed messages. Every answer is awaited at most {@code timeout}: an
 * agent that asks its user to confirm a key must not hang a login.
 *
 * <p>One request at a time; opened per login and closed with it.
 */
final class UnixAgent extends AbstractAgentProxy {
  private static final int MAX_MESSAGE = 256 * 1024;
  private final Path socket;
  private final Duration timeout;
  private final SocketChannel channel;
  private final Selector selector;

  UnixAgent(Path socket, Duration timeout) throws IOException {
    super(null);
    this.socket = socket;
    this.timeout = timeout;
    this.channel = SocketChannel.open(StandardProtocolFamily.UNIX);
    try {
      channel.connect(UnixDomainSocketAddress.of(socket));
      channel.configureBlocking(false);
      this.selector = Selector.open();
      channel.register(selector, SelectionKey.OP_READ);
    } catch (IOException e) {
      channel.close();
      throw new IOException("cannot reach ssh-agent at " + socket + ": " + e.getMessage(), e);
    }
  }

  @Override
  protected synchronized Buffer request(Buffer buffer) throws IOException {
    int end = buffer.wpos();
    buffer.wpos(0);
    buffer.putUInt(end - 4L);
    buffer.wpos(end);
    ByteBuffer out = ByteBuffer.wrap(buffer.array(), buffer.rpos(), buffer.available());
    while (out.hasRemaining()) {
      channel.write(out); // the agent reads at once; a full socket buffer only needs another try
    }
    ByteBuffer length = read(ByteBuffer.allocate(4));
    int size = length.getInt(0);
    if (size < 0 || size > MAX_MESSAGE) {
      throw new IOException("ssh-agent at " + socket + " sent a message of " + size + " bytes");
    }
    return new ByteArrayBuffer(read(ByteBuffer.allocate(size)).array());
  }

  private ByteBuffer read(ByteBuffer into) throws IOException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (into.hasRemaining()) {
      long left = (deadline - System.nanoTime()) / 1_000_000;
      if (left <= 0 || selector.select(left) == 0 && System.nanoTime() >= deadline) {
        throw new IOException(
            "ssh-agent at " + socket + " did not answer within " + timeout.toMillis() + " ms");
      }
      selector.selectedKeys().clear();
      if (channel.read(into) < 0) {
        throw new IOException("ssh-agent at " + socket + " closed the connection");
      }
    }
    return into;
  }

  @Override
  public boolean isOpen() {
    return channel.isOpen();
  }

  @Override
  public void close() throws IOException {
    try {
      selector.close();
    } finally {
      channel.close();
    }
  }
}
