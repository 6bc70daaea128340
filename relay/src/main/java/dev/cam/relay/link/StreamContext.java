package dev.cam.relay.link;

import dev.cam.relay.protocol.Frame;
import java.net.URI;
import java.net.http.HttpClient;
import org.eclipse.jetty.client.Request;

/** What a stream needs from its link: a way to send, the link settings, the origin. */
interface StreamContext {
  void send(Frame frame);

  /** The stream is over; forget it. */
  void finished(int streamId, LinkStream stream);

  int maxPayload();

  int initialWindow();

  /** The JDK client that continues WebSocket streams to the origin. */
  HttpClient originWebSockets();

  /** A new request to the origin on the link's pooled HTTP client. */
  Request newOriginRequest(URI uri);

  /** The origin for a new stream. */
  URI origin();

  /** {@code tried} refused a connection: the origin to retry on, or {@code tried} if none. */
  URI originUnreachable(URI tried);
}
