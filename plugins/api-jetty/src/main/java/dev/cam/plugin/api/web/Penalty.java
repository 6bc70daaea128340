package dev.cam.plugin.api.web;

/**
 * How hard a masked QR code is to read (the standard's four rules): long runs, 2x2 blocks,
 * finder-like patterns and an unbalanced share of dark modules each cost points.
 */
final class Penalty {
  private static final boolean[] FINDER_LIKE = {
    true, false, true, true, true, false, true, false, false, false, false
  };

  private Penalty() {}

  static int of(boolean[][] dark) {
    int n = dark.length;
    int points = 0;
    int darkCount = 0;
    for (int a = 0; a < n; a++) {
      points += runs(dark, a, true) + runs(dark, a, false);
      for (int b = 0; b < n; b++) {
        darkCount += dark[a][b] ? 1 : 0;
        if (a + 1 < n && b + 1 < n) {
          boolean c = dark[a][b];
          if (c == dark[a][b + 1] && c == dark[a + 1][b] && c == dark[a + 1][b + 1]) {
            points += 3;
          }
        }
        points += 40 * (finderLike(dark, a, b, true) + finderLike(dark, a, b, false));
      }
    }
    int total = n * n;
    int k = (Math.abs(darkCount * 20 - total * 10) + total - 1) / total - 1;
    return points + Math.max(0, k) * 10;
  }

  private static int runs(boolean[][] dark, int line, boolean row) {
    int points = 0;
    int run = 0;
    boolean last = false;
    for (int i = 0; i < dark.length; i++) {
      boolean c = row ? dark[line][i] : dark[i][line];
      run = i > 0 && c == last ? run + 1 : 1;
      last = c;
      if (run == 5) {
        points += 3;
      } else if (run > 5) {
        points++;
      }
    }
    return points;
  }

  /** 1011101 followed by four light modules, or the same mirrored, starting at (a, b). */
  private static int finderLike(boolean[][] dark, int a, int b, boolean row) {
    int n = dark.length;
    if ((row ? b : a) + FINDER_LIKE.length > n) {
      return 0;
    }
    boolean forward = true;
    boolean backward = true;
    for (int i = 0; i < FINDER_LIKE.length; i++) {
      boolean c = row ? dark[a][b + i] : dark[a + i][b];
      forward &= c == FINDER_LIKE[i];
      backward &= c == FINDER_LIKE[FINDER_LIKE.length - 1 - i];
    }
    return (forward ? 1 : 0) + (backward ? 1 : 0);
  }
}
