package dev.cam.relay.link;

import java.net.URI;
import java.util.Objects;

/**
 * What a {@link ServerLink} reports on each change.
 *
 * @param state where the link stands
 * @param publicUrl the server's address through the relay once registered, else null
 * @param detail why the link is not connected (refusal, error), or empty; it starts with {@link
 *     #REFUSED} when the relay refused the registration, which retrying alone will not fix
 * @param attempt consecutive failed attempts so far
 */
public record LinkStatus(LinkState state, URI publicUrl, String detail, int attempt) {
  /** How {@link #detail} starts when the relay refused the registration. */
  public static final String REFUSED = "the relay refused this server: ";

  /** Validates. */
  public LinkStatus {
    Objects.requireNonNull(state, "state");
    detail = detail == null ? "" : detail;
  }

  /** True when the relay refused the registration (wrong admission secret, clock, host name). */
  public boolean refused() {
    return detail.startsWith(REFUSED);
  }
}
