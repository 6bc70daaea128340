package dev.cam.plugin.api.web;

/** A QR code's codewords: byte-mode data padded to the version's length, then Reed-Solomon. */
final class Blocks {
  private Blocks() {}

  /** Mode 0100, the byte count, the bytes, a terminator, then the pad bytes 0xEC 0x11 in turn. */
  static byte[] data(byte[] text, int version, int dataBytes) {
    Bits bits = new Bits(dataBytes);
    bits.add(0b0100, 4);
    bits.add(text.length, version < 10 ? 8 : 16);
    for (byte b : text) {
      bits.add(b & 0xFF, 8);
    }
    bits.add(0, Math.min(4, dataBytes * 8 - bits.length));
    bits.add(0, (8 - bits.length % 8) % 8);
    for (int pad = 0xEC; bits.length < dataBytes * 8; pad ^= 0xEC ^ 0x11) {
      bits.add(pad, 8);
    }
    return bits.bytes;
  }

  /** Splits the data into blocks (shorter ones first), adds each block's EC bytes, interleaves. */
  static byte[] interleave(byte[] data, int blocks, int ecPerBlock) {
    int shortLength = data.length / blocks;
    int shortBlocks = blocks - data.length % blocks;
    byte[][] dataBlocks = new byte[blocks][];
    byte[][] ecBlocks = new byte[blocks][];
    byte[] divisor = divisor(ecPerBlock);
    for (int b = 0, at = 0; b < blocks; b++) {
      int length = shortLength + (b < shortBlocks ? 0 : 1);
      dataBlocks[b] = java.util.Arrays.copyOfRange(data, at, at + length);
      ecBlocks[b] = remainder(dataBlocks[b], divisor);
      at += length;
    }
    byte[] out = new byte[data.length + blocks * ecPerBlock];
    int k = 0;
    for (int i = 0; i <= shortLength; i++) {
      for (int b = 0; b < blocks; b++) {
        if (i < dataBlocks[b].length) {
          out[k++] = dataBlocks[b][i];
        }
      }
    }
    for (int i = 0; i < ecPerBlock; i++) {
      for (int b = 0; b < blocks; b++) {
        out[k++] = ecBlocks[b][i];
      }
    }
    return out;
  }

  private static byte[] divisor(int degree) {
    byte[] result = new byte[degree];
    result[degree - 1] = 1;
    int root = 1;
    for (int i = 0; i < degree; i++) {
      for (int j = 0; j < degree; j++) {
        result[j] = (byte) multiply(result[j] & 0xFF, root);
        if (j + 1 < degree) {
          result[j] ^= result[j + 1];
        }
      }
      root = multiply(root, 0x02);
    }
    return result;
  }

  private static byte[] remainder(byte[] data, byte[] divisor) {
    byte[] result = new byte[divisor.length];
    for (byte b : data) {
      int factor = (b ^ result[0]) & 0xFF;
      System.arraycopy(result, 1, result, 0, result.length - 1);
      result[result.length - 1] = 0;
      for (int i = 0; i < result.length; i++) {
        result[i] ^= (byte) multiply(divisor[i] & 0xFF, factor);
      }
    }
    return result;
  }

  /** Multiplication in GF(2^8) modulo x^8 + x^4 + x^3 + x^2 + 1. */
  private static int multiply(int x, int y) {
    int z = 0;
    for (int i = 7; i >= 0; i--) {
      z = (z << 1) ^ ((z >>> 7) * 0x11D);
      z ^= ((y >>> i) & 1) * x;
    }
    return z;
  }

  /** Bits written most significant first. */
  private static final class Bits {
    final byte[] bytes;
    int length;

    Bits(int capacity) {
      bytes = new byte[capacity];
    }

    void add(int value, int count) {
      for (int i = count - 1; i >= 0; i--) {
        if (((value >>> i) & 1) != 0) {
          bytes[length >>> 3] |= (byte) (0x80 >>> (length & 7));
        }
        length++;
      }
    }
  }
}
