package dev.cam.relay.link;

import dev.cam.relay.protocol.Frame;

/** One stream on the server side of a link. */
interface LinkStream {
  /** Starts forwarding to the origin. */
  void start();

  /** Handles DATA, WINDOW, RESET or CLOSE for this stream. */
  void onFrame(Frame frame);

  /** The link went away: stop talking to the origin. */
  void abort();
}
