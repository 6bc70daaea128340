package dev.cam.relay.protocol;

import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * One frame of the relay link: type, flags, stream id and payload. Stream 0 carries link control
 * frames; streams are opened by the relay with increasing ids.
 *
 * @param type what the frame means
 * @param flags bits from {@link Flags}
 * @param streamId the stream, 0 for the link itself
 * @param payload the payload; read-only view owned by the frame
 */
public record Frame(FrameType type, int flags, int streamId, ByteBuffer payload) {
  /** Bytes before the payload: type (1), flags (1), stream id (4). */
  public static final int HEADER_SIZE = 6;

  /**
   * Bytes before each frame on a stream link: the frame's size, header included, as a big-endian
   * unsigned 32-bit number. A WebSocket link sends a frame as one binary message without them.
   */
  public static final int LENGTH_SIZE = 4;

  /** Validates and takes a read-only view of the payload. */
  public Frame {
    Objects.requireNonNull(type, "type");
    if (flags < 0 || flags > 0xFF) {
      throw new IllegalArgumentException("flags must fit a byte: " + flags);
    }
    if (streamId < 0) {
      throw new IllegalArgumentException("stream id must not be negative: " + streamId);
    }
    payload = payload == null ? ByteBuffer.allocate(0) : payload.asReadOnlyBuffer();
  }

  /** A frame without payload. */
  public static Frame of(FrameType type, int flags, int streamId) {
    return new Frame(type, flags, streamId, null);
  }

  /** Returns whether the frame has the given flag bit. */
  public boolean has(int flag) {
    return Flags.has(flags, flag);
  }

  /** Returns the number of payload bytes. */
  public int length() {
    return payload.remaining();
  }

  /** Encodes the frame into a new buffer ready to be sent as one binary WebSocket message. */
  public ByteBuffer encode() {
    ByteBuffer out = ByteBuffer.allocate(HEADER_SIZE + payload.remaining());
    out.put((byte) type.code()).put((byte) flags).putInt(streamId).put(payload.duplicate());
    return out.flip();
  }

  /**
   * Checks the size a stream link announces for its next frame (header and payload).
   *
   * @throws ProtocolException if it is below the header or above {@code maxFrame}
   */
  public static void checkSize(long size, int maxFrame) {
    if (size < HEADER_SIZE || size > maxFrame) {
      throw new ProtocolException(
          "frame size " + size + " is outside " + HEADER_SIZE + "-" + maxFrame);
    }
  }

  /**
   * Encodes the frame with its size in front ({@link #LENGTH_SIZE} bytes), as a stream link carries
   * it; a WebSocket link sends the same buffer from its {@link #LENGTH_SIZE}th byte.
   */
  public ByteBuffer encodeWithLength() {
    int size = HEADER_SIZE + payload.remaining();
    ByteBuffer out = ByteBuffer.allocate(LENGTH_SIZE + size);
    out.putInt(size).put((byte) type.code()).put((byte) flags).putInt(streamId);
    return out.put(payload.duplicate()).flip();
  }

  /**
   * Decodes one frame from a whole binary message, copying the payload so the caller may reuse
   * {@code message}.
   *
   * @throws ProtocolException if the message is shorter than a header, longer than {@code
   *     maxPayload} or of an unknown type
   */
  public static Frame decode(ByteBuffer message, int maxPayload) {
    ByteBuffer in = message.duplicate();
    if (in.remaining() < HEADER_SIZE) {
      throw new ProtocolException("frame shorter than its " + HEADER_SIZE + "-byte header");
    }
    if (in.remaining() - HEADER_SIZE > maxPayload) {
      throw new ProtocolException(
          "frame payload of " + (in.remaining() - HEADER_SIZE) + " bytes exceeds " + maxPayload);
    }
    FrameType type = FrameType.of(in.get() & 0xFF);
    int flags = in.get() & 0xFF;
    int streamId = in.getInt();
    if (streamId < 0) {
      throw new ProtocolException("stream id out of range");
    }
    ByteBuffer copy = ByteBuffer.allocate(in.remaining()).put(in).flip();
    return new Frame(type, flags, streamId, copy);
  }

  @Override
  public String toString() {
    return type + "(stream " + streamId + ", flags " + flags + ", " + length() + " bytes)";
  }
}
