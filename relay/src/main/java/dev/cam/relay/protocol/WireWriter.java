package dev.cam.relay.protocol;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/** Writes the big-endian fields of control payloads: integers, strings and byte strings. */
public final class WireWriter {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream(64);

  /** Appends one unsigned byte. */
  public WireWriter u8(int value) {
    out.write(value);
    return this;
  }

  /** Appends an unsigned 16-bit integer. */
  public WireWriter u16(int value) {
    if (value < 0 || value > 0xFFFF) {
      throw new IllegalArgumentException("value does not fit 16 bits: " + value);
    }
    out.write(value >>> 8);
    out.write(value);
    return this;
  }

  /** Appends a 32-bit integer. */
  public WireWriter i32(int value) {
    u16(value >>> 16);
    return u16(value & 0xFFFF);
  }

  /** Appends a 64-bit integer. */
  public WireWriter i64(long value) {
    i32((int) (value >>> 32));
    return i32((int) value);
  }

  /** Appends a byte string: u16 length, then the bytes. */
  public WireWriter bytes(byte[] value) {
    u16(value.length);
    out.write(value, 0, value.length);
    return this;
  }

  /** Appends a UTF-8 string: u16 length, then the bytes. */
  public WireWriter string(String value) {
    return bytes(value.getBytes(StandardCharsets.UTF_8));
  }

  /** Returns everything written so far. */
  public ByteBuffer toBuffer() {
    return ByteBuffer.wrap(out.toByteArray());
  }

  /** Returns everything written so far. */
  public byte[] toByteArray() {
    return out.toByteArray();
  }
}
