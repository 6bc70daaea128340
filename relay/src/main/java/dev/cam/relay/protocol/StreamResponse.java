package dev.cam.relay.protocol;

import java.util.List;

/**
 * Payload of RESPONSE: the CAM server's status and headers. For a WebSocket stream, status 101
 * means the server accepted the upgrade (its chosen subprotocol in {@code Sec-WebSocket-Protocol});
 * any other status refuses it and the body follows as DATA.
 *
 * @param status HTTP status code
 * @param headers end-to-end response headers
 */
public record StreamResponse(int status, List<Header> headers) {
  /** Validates and copies. */
  public StreamResponse {
    if (status < 100 || status > 999) {
      throw new IllegalArgumentException("HTTP status out of range: " + status);
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

  /** Encodes as a RESPONSE frame. */
  public Frame toFrame(int streamId, boolean endStream) {
    WireWriter out = new WireWriter().u16(status);
    Header.write(out, headers);
    return new Frame(
        FrameType.RESPONSE, endStream ? Flags.END_STREAM : 0, streamId, out.toBuffer());
  }

  /** Decodes a RESPONSE frame's payload. */
  public static StreamResponse decode(Frame frame) {
    WireReader in = new WireReader(frame.payload());
    return new StreamResponse(in.u16(), Header.read(in));
  }
}
