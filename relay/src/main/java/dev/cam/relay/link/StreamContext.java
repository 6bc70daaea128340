package dev.cam.relay.link;

import dev.cam.relay.protocol.Frame;
import java.net.URI;
import java.net.http.HttpClient;

/** What a stream needs from its link: a way to send, the link settings, the origin. */
interface StreamContext {
  void send(Frame frame);

  /** The stream is over; forget it. */
  void finished(int streamId, LinkStream stream);

  int maxPayload();

  int initialWindow();

  HttpClient originClient();

  /** The origin for a new stream. */
  URI origin();

  /** {@code tried} refused a connection: the origin to retry on, or {@code tried} if none. */
  URI originUnreachable(URI tried);
}
