package dev.cam.relay.link;

import dev.cam.relay.protocol.Flags;
import dev.cam.relay.protocol.Frame;
import dev.cam.relay.protocol.FrameType;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * One encoded frame waiting in a {@link FrameSender}. While it waits, further DATA of the same
 * stream may be appended to it, up to the link's frame size; the last appended frame's END_STREAM
 * ends it. Only DATA without TEXT or FIN joins, so WebSocket message boundaries stay where they
 * are. Not thread-safe: the sender guards it.
 */
final class OutgoingFrame {
  /** DATA at least this large is likely part of a bulk transfer: room for a whole frame at once. */
  private static final int BULK = 4096;

  /** Where the payload starts: after the frame's size and header. */
  private static final int START = Frame.LENGTH_SIZE + Frame.HEADER_SIZE;

  private final FrameType type;
  private final int streamId;
  private int flags;
  private byte[] bytes;
  private int size;

  private OutgoingFrame(FrameType type, int flags, int streamId, byte[] bytes) {
    this.type = type;
    this.flags = flags;
    this.streamId = streamId;
    this.bytes = bytes;
    this.size = START;
  }

  /**
   * Encodes {@code frame}, leaving room to grow when it is a joinable DATA frame; a whole frame's
   * room comes from {@code spares} when it has one.
   */
  static OutgoingFrame of(Frame frame, int maxPayload, FrameBuffers spares) {
    int length = frame.length();
    byte[] bytes =
        (joinable(frame) && length >= BULK) || length == maxPayload
            ? spares.take(START + maxPayload)
            : new byte[START + length];
    OutgoingFrame out = new OutgoingFrame(frame.type(), frame.flags(), frame.streamId(), bytes);
    out.copy(frame.payload());
    return out;
  }

  /** Appends {@code frame}'s payload when it may join this one; false leaves both unchanged. */
  boolean append(Frame frame, int maxPayload) {
    if (type != FrameType.DATA
        || flags != 0
        || !joinable(frame)
        || frame.streamId() != streamId
        || size - START + frame.length() > maxPayload) {
      return false;
    }
    int needed = size + frame.length();
    if (needed > bytes.length) {
      bytes = Arrays.copyOf(bytes, Math.min(START + maxPayload, 2 * needed));
    }
    copy(frame.payload());
    flags = frame.flags();
    return true;
  }

  /** Bytes this frame takes on a stream link, size and header included. */
  int size() {
    return size;
  }

  /** The array behind this frame, to reuse once the frame was sent. */
  byte[] array() {
    return bytes;
  }

  /**
   * Writes the size and header and returns the whole frame as {@link Frame#encodeWithLength} does,
   * ready to send.
   */
  ByteBuffer seal() {
    ByteBuffer out = ByteBuffer.wrap(bytes, 0, size);
    out.putInt(0, size - Frame.LENGTH_SIZE);
    out.put(Frame.LENGTH_SIZE, (byte) type.code())
        .put(Frame.LENGTH_SIZE + 1, (byte) flags)
        .putInt(Frame.LENGTH_SIZE + 2, streamId);
    return out;
  }

  private void copy(ByteBuffer payload) {
    int length = payload.remaining();
    payload.duplicate().get(bytes, size, length);
    size += length;
  }

  private static boolean joinable(Frame frame) {
    return frame.type() == FrameType.DATA && (frame.flags() & ~Flags.END_STREAM) == 0;
  }
}
