package dev.cam.relay.server;

import dev.cam.relay.protocol.Frame;

/** One client stream on a link, as the link session sees it. Called on the link's thread. */
interface RelayStream {
  /** Handles a RESPONSE, DATA, WINDOW, RESET or CLOSE frame for this stream. */
  void onFrame(Frame frame);

  /** The link went away; tell the client with {@code reason}. */
  void onLinkLost(String reason);
}
