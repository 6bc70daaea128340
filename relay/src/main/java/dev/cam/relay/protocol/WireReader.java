package dev.cam.relay.protocol;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/** Reads what {@link WireWriter} wrote; a short payload is a {@link ProtocolException}. */
public final class WireReader {
  private final ByteBuffer in;

  /** Reads from a view of {@code payload}; the caller's position is untouched. */
  public WireReader(ByteBuffer payload) {
    this.in = payload.duplicate();
  }

  /** Reads one unsigned byte. */
  public int u8() {
    try {
      return in.get() & 0xFF;
    } catch (BufferUnderflowException e) {
      throw truncated();
    }
  }

  /** Reads an unsigned 16-bit integer. */
  public int u16() {
    try {
      return in.getShort() & 0xFFFF;
    } catch (BufferUnderflowException e) {
      throw truncated();
    }
  }

  /** Reads a 32-bit integer. */
  public int i32() {
    try {
      return in.getInt();
    } catch (BufferUnderflowException e) {
      throw truncated();
    }
  }

  /** Reads a 64-bit integer. */
  public long i64() {
    try {
      return in.getLong();
    } catch (BufferUnderflowException e) {
      throw truncated();
    }
  }

  /** Reads a byte string. */
  public byte[] bytes() {
    int length = u16();
    if (length > in.remaining()) {
      throw truncated();
    }
    byte[] value = new byte[length];
    in.get(value);
    return value;
  }

  /** Reads a UTF-8 string. */
  public String string() {
    return new String(bytes(), StandardCharsets.UTF_8);
  }

  private static ProtocolException truncated() {
    return new ProtocolException("control payload is truncated");
  }
}
