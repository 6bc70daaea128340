package dev.cam.plugin.api.route;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.cam.api.Detection;
import dev.cam.api.LaunchRequest;
import dev.cam.api.LaunchSpec;
import dev.cam.api.Screen;
import dev.cam.api.ToolAdapter;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ToolVersionsTest {
  @Test
  void aSlowLookupGivesNullNowAndItsVersionLater() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    Tool slow = new Tool("slow", release);
    ToolVersions versions =
        new ToolVersions(Duration.ofMillis(50), Duration.ofMinutes(5), System::nanoTime);

    assertNull(versions.of(List.of(slow)).get("slow"));
    release.countDown();

    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    String later = null;
    while (later == null && System.nanoTime() < deadline) {
      later = versions.of(List.of(slow)).get("slow");
    }
    assertEquals("slow 1.0", later);
    assertEquals(1, slow.lookups.get(), "the running lookup is reused, not started again");
  }

  @Test
  void aVersionIsLookedUpAgainOnceItIsOld() {
    long[] now = {0};
    Tool tool = new Tool("t", new CountDownLatch(0));
    ToolVersions versions =
        new ToolVersions(Duration.ofSeconds(5), Duration.ofMinutes(5), () -> now[0]);

    versions.of(List.of(tool));
    versions.of(List.of(tool));
    now[0] += Duration.ofMinutes(6).toNanos();
    versions.of(List.of(tool));

    assertEquals(2, tool.lookups.get());
  }

  /** An adapter whose version lookup waits for {@code release}. */
  private static final class Tool implements ToolAdapter {
    final AtomicInteger lookups = new AtomicInteger();
    private final String id;
    private final CountDownLatch release;

    Tool(String id, CountDownLatch release) {
      this.id = id;
      this.release = release;
    }

    @Override
    public String id() {
      return id;
    }

    @Override
    public Optional<String> installedVersion() {
      lookups.incrementAndGet();
      try {
        release.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return Optional.of(id + " 1.0");
    }

    @Override
    public LaunchSpec launch(LaunchRequest request) {
      return new LaunchSpec(List.of(id), Map.of(), true);
    }

    @Override
    public Detection read(Screen screen) {
      return Detection.NOTHING;
    }
  }
}
