package dev.cam.platform.store;

/** A JVM that starts and ends: the floor under any cold measurement. */
public final class EmptyMain {
  private EmptyMain() {}

  public static void main(String[] args) {
    System.out.println("ready");
  }
}
