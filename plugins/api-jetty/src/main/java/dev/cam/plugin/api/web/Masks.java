package dev.cam.plugin.api.web;

/** The eight QR data masks: whether a module at (x, y) is flipped. */
final class Masks {
  private Masks() {}

  static boolean flip(int mask, int x, int y) {
    switch (mask) {
      case 0:
        return (x + y) % 2 == 0;
      case 1:
        return y % 2 == 0;
      case 2:
        return x % 3 == 0;
      case 3:
        return (x + y) % 3 == 0;
      case 4:
        return (x / 3 + y / 2) % 2 == 0;
      case 5:
        return x * y % 2 + x * y % 3 == 0;
      case 6:
        return (x * y % 2 + x * y % 3) % 2 == 0;
      case 7:
        return ((x + y) % 2 + x * y % 3) % 2 == 0;
      default:
        throw new IllegalArgumentException("mask " + mask + " is not 0-7");
    }
  }
}
