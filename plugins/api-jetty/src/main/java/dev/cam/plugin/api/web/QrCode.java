package dev.cam.plugin.api.web;

import java.nio.charset.StandardCharsets;

/**
 * A QR code (model 2, byte mode, error correction level L, versions 1 to 10) for the pairing link,
 * drawn on a terminal with half-block characters so a phone's camera can open it.
 */
public final class QrCode {
  // Per version 1..10 at level L: error correction bytes per block, blocks, data bytes per block
  // (versions 10 has two more blocks one byte longer).
  private static final int[] EC_PER_BLOCK = {7, 10, 15, 20, 26, 18, 20, 24, 30, 18};
  private static final int[] BLOCKS = {1, 1, 1, 1, 1, 2, 2, 2, 2, 4};
  private static final int[] DATA_BYTES = {19, 34, 55, 80, 108, 136, 156, 194, 232, 274};
  private static final int[][] ALIGNMENT = {
    {},
    {6, 18},
    {6, 22},
    {6, 26},
    {6, 30},
    {6, 34},
    {6, 22, 38},
    {6, 24, 42},
    {6, 26, 46},
    {6, 28, 50}
  };

  private final int version;
  private final int size;
  private final boolean[][] dark;
  private final boolean[][] fixed;

  private QrCode(int version) {
    this.version = version;
    this.size = 17 + 4 * version;
    this.dark = new boolean[size][size];
    this.fixed = new boolean[size][size];
  }

  /** The code for {@code text}, with the mask a reader finds easiest. */
  public static QrCode of(String text) {
    return of(text, -1);
  }

  /** The code with a given mask (0-7), or the best one for {@code -1}. */
  static QrCode of(String text, int mask) {
    byte[] data = text.getBytes(StandardCharsets.UTF_8);
    int version = 1;
    while (version <= 10 && capacity(version) < data.length) {
      version++;
    }
    if (version > 10) {
      throw new IllegalArgumentException("too long for a QR code of version 10: " + data.length);
    }
    byte[] codewords =
        Blocks.interleave(
            Blocks.data(data, version, DATA_BYTES[version - 1]),
            BLOCKS[version - 1],
            EC_PER_BLOCK[version - 1]);
    if (mask >= 0) {
      return draw(version, codewords, mask);
    }
    QrCode best = null;
    int lowest = Integer.MAX_VALUE;
    for (int m = 0; m < 8; m++) {
      QrCode code = draw(version, codewords, m);
      int penalty = Penalty.of(code.dark);
      if (penalty < lowest) {
        lowest = penalty;
        best = code;
      }
    }
    return best;
  }

  private static int capacity(int version) {
    int header = version < 10 ? 2 : 3; // mode (4 bits) + count (8 or 16 bits), rounded up
    return DATA_BYTES[version - 1] - header;
  }

  private static QrCode draw(int version, byte[] codewords, int mask) {
    QrCode code = new QrCode(version);
    code.functionPatterns();
    code.format(mask);
    code.place(codewords, mask);
    return code;
  }

  public int size() {
    return size;
  }

  public boolean isDark(int x, int y) {
    return dark[y][x];
  }

  /**
   * The code as text, two rows a line, with a quiet zone: light modules are drawn as blocks, so on
   * a terminal with a dark background the code shows as printed.
   */
  public String toText() {
    int quiet = 2;
    StringBuilder out = new StringBuilder();
    for (int y = -quiet; y < size + quiet; y += 2) {
      for (int x = -quiet; x < size + quiet; x++) {
        boolean top = light(x, y);
        boolean bottom = light(x, y + 1);
        out.append(top ? (bottom ? '█' : '▀') : (bottom ? '▄' : ' '));
      }
      out.append('\n');
    }
    return out.toString();
  }

  private boolean light(int x, int y) {
    return x < 0 || y < 0 || x >= size || y >= size || !dark[y][x];
  }

  private void set(int x, int y, boolean on) {
    dark[y][x] = on;
    fixed[y][x] = true;
  }

  private void functionPatterns() {
    for (int i = 0; i < size; i++) {
      set(6, i, i % 2 == 0);
      set(i, 6, i % 2 == 0);
    }
    finder(3, 3);
    finder(size - 4, 3);
    finder(3, size - 4);
    int[] at = ALIGNMENT[version - 1];
    for (int i = 0; i < at.length; i++) {
      for (int j = 0; j < at.length; j++) {
        boolean corner =
            (i == 0 && j == 0) || (i == 0 && j == at.length - 1) || (i == at.length - 1 && j == 0);
        if (!corner) {
          alignment(at[i], at[j]);
        }
      }
    }
    if (version >= 7) {
      versionInfo();
    }
  }

  private void finder(int cx, int cy) {
    for (int dy = -4; dy <= 4; dy++) {
      for (int dx = -4; dx <= 4; dx++) {
        int x = cx + dx;
        int y = cy + dy;
        if (x >= 0 && y >= 0 && x < size && y < size) {
          int d = Math.max(Math.abs(dx), Math.abs(dy));
          set(x, y, d != 2 && d != 4);
        }
      }
    }
  }

  private void alignment(int cx, int cy) {
    for (int dy = -2; dy <= 2; dy++) {
      for (int dx = -2; dx <= 2; dx++) {
        set(cx + dx, cy + dy, Math.max(Math.abs(dx), Math.abs(dy)) != 1);
      }
    }
  }

  private void versionInfo() {
    int rem = version;
    for (int i = 0; i < 12; i++) {
      rem = (rem << 1) ^ ((rem >>> 11) * 0x1F25);
    }
    int bits = version << 12 | rem;
    for (int i = 0; i < 18; i++) {
      boolean on = ((bits >>> i) & 1) != 0;
      int a = size - 11 + i % 3;
      int b = i / 3;
      set(a, b, on);
      set(b, a, on);
    }
  }

  /** Format bits: level L (01) and the mask, BCH-protected, twice. */
  private void format(int mask) {
    int data = 1 << 3 | mask;
    int rem = data;
    for (int i = 0; i < 10; i++) {
      rem = (rem << 1) ^ ((rem >>> 9) * 0x537);
    }
    int bits = (data << 10 | rem) ^ 0x5412;
    for (int i = 0; i <= 5; i++) {
      set(8, i, bit(bits, i));
    }
    set(8, 7, bit(bits, 6));
    set(8, 8, bit(bits, 7));
    set(7, 8, bit(bits, 8));
    for (int i = 9; i < 15; i++) {
      set(14 - i, 8, bit(bits, i));
    }
    for (int i = 0; i < 8; i++) {
      set(size - 1 - i, 8, bit(bits, i));
    }
    for (int i = 8; i < 15; i++) {
      set(8, size - 15 + i, bit(bits, i));
    }
    set(8, size - 8, true);
  }

  private static boolean bit(int value, int i) {
    return ((value >>> i) & 1) != 0;
  }

  /** Codewords in the two-column zigzag from the bottom right, masked. */
  private void place(byte[] codewords, int mask) {
    int i = 0;
    for (int right = size - 1; right >= 1; right -= 2) {
      if (right == 6) {
        right = 5;
      }
      for (int vert = 0; vert < size; vert++) {
        for (int j = 0; j < 2; j++) {
          int x = right - j;
          boolean upward = ((right + 1) & 2) == 0;
          int y = upward ? size - 1 - vert : vert;
          if (!fixed[y][x]) {
            boolean on = i < codewords.length * 8 && bit(codewords[i >>> 3], 7 - (i & 7));
            i++;
            dark[y][x] = on ^ Masks.flip(mask, x, y);
          }
        }
      }
    }
  }
}
