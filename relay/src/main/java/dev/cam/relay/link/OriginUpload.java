package dev.cam.relay.link;

import dev.cam.relay.protocol.Frame;
import dev.cam.relay.protocol.FrameType;
import dev.cam.relay.protocol.ReceiveWindow;
import dev.cam.relay.protocol.WireWriter;
import java.nio.ByteBuffer;
import org.eclipse.jetty.client.AsyncRequestContent;
import org.eclipse.jetty.util.Callback;

/**
 * A request body arriving as DATA from the relay, handed to the HTTP client as it comes. Credit
 * goes back to the relay only for bytes the client wrote to the origin.
 */
final class OriginUpload extends AsyncRequestContent {
  private final StreamContext link;
  private final int streamId;
  private final ReceiveWindow window;
  private final long length;

  /**
   * @param length the body's length from the client's Content-Length, or -1 (sent chunked)
   */
  OriginUpload(StreamContext link, int streamId, ReceiveWindow window, long length) {
    this.link = link;
    this.streamId = streamId;
    this.window = window;
    this.length = length;
  }

  @Override
  public long getLength() {
    return length;
  }

  /** No type of its own: the client's Content-Type header, if any, passes as it came. */
  @Override
  public String getContentType() {
    return null;
  }

  void onData(ByteBuffer data, boolean end) {
    int n = data.remaining();
    window.received(n);
    if (n > 0) {
      write(data, Callback.from(() -> written(n), failure -> {}));
    }
    if (end) {
      close();
    }
  }

  private void written(int n) {
    int increment = window.consumed(n);
    if (increment > 0) {
      link.send(
          new Frame(FrameType.WINDOW, 0, streamId, new WireWriter().i32(increment).toBuffer()));
    }
  }
}
