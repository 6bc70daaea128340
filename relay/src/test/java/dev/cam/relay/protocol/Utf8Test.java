package dev.cam.relay.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class Utf8Test {
  @Test
  void splitNeverCutsACharacter() {
    ByteBuffer text = ByteBuffer.wrap("aé€😀".getBytes(StandardCharsets.UTF_8));
    StringBuilder joined = new StringBuilder();
    while (text.hasRemaining()) {
      int n = Utf8.boundary(text, 4);
      byte[] part = new byte[n];
      text.get(part);
      joined.append(new String(part, StandardCharsets.UTF_8));
    }
    assertEquals("aé€😀", joined.toString());
  }

  @Test
  void workLoopRunsReentrantRequestsWithoutRecursion() {
    int[] steps = {0};
    WorkLoop[] loop = new WorkLoop[1];
    loop[0] =
        new WorkLoop(
            () -> {
              if (++steps[0] < 100_000) {
                loop[0].run();
              }
            });
    loop[0].run();
    assertEquals(100_000, steps[0]);
  }
}
