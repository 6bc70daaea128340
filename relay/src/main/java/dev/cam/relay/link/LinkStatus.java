package dev.cam.relay.link;

import java.net.URI;
import java.util.Objects;

/**
 * What a {@link ServerLink} reports on each change.
 *
 * @param state where the link stands
 * @param publicUrl the server's address through the relay once registered, else null
 * @param detail why the link is not connected (refusal, error), or empty
 * @param attempt consecutive failed attempts so far
 */
public record LinkStatus(LinkState state, URI publicUrl, String detail, int attempt) {
  /** Validates. */
  public LinkStatus {
    Objects.requireNonNull(state, "state");
    detail = detail == null ? "" : detail;
  }
}
