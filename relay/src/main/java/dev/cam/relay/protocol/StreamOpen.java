package dev.cam.relay.protocol;

import java.util.List;
import java.util.Objects;

/**
 * Payload of OPEN: a client's request as the CAM server should see it, prefix already stripped.
 *
 * @param kind HTTP or WebSocket
 * @param method HTTP method
 * @param target path and query, starting with {@code /}
 * @param headers end-to-end headers plus the relay's {@code X-Forwarded-*}
 */
public record StreamOpen(StreamKind kind, String method, String target, List<Header> headers) {
  /** Validates and copies. */
  public StreamOpen {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(method, "method");
    if (target == null || !target.startsWith("/")) {
      throw new IllegalArgumentException("target must start with /: " + target);
    }
    headers = List.copyOf(headers);
  }

  /** Returns the first value of a header (case-insensitive), or null. */
  public String header(String name) {
    for (Header header : headers) {
      if (header.name().equalsIgnoreCase(name)) {
        return header.value();
      }
    }
    return null;
  }

  /** Encodes as an OPEN frame. */
  public Frame toFrame(int streamId, boolean endStream) {
    WireWriter out = new WireWriter().u8(kind.ordinal()).string(method).string(target);
    Header.write(out, headers);
    return new Frame(FrameType.OPEN, endStream ? Flags.END_STREAM : 0, streamId, out.toBuffer());
  }

  /** Decodes an OPEN frame's payload. */
  public static StreamOpen decode(Frame frame) {
    WireReader in = new WireReader(frame.payload());
    return new StreamOpen(StreamKind.of(in.u8()), in.string(), in.string(), Header.read(in));
  }
}
