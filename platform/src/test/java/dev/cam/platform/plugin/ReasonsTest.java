package dev.cam.platform.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.pf4j.PluginRuntimeException;

class ReasonsTest {
  @Test
  void aReasonIsOneLineWithTheMessageAndTheRootCause() {
    Throwable failure =
        new PluginRuntimeException(
            new IllegalStateException("port 80\\ntaken"), "t.Web could not be created");

    assertEquals(
        "t.Web could not be created: IllegalStateException: port 80\\ntaken", Reasons.of(failure));
    assertEquals("IllegalStateException: a b", Reasons.of(new IllegalStateException("a\nb")));
    assertEquals("NullPointerException", Reasons.of(new NullPointerException()));
  }

  @Test
  void pluginIdsAreGuessedFromFileNames() {
    assertEquals("tool-x-1.0", PluginInfos.idFromFileName(Path.of("/p/tool-x-1.0.jar")));
    assertEquals("cli", PluginInfos.idFromFileName(Path.of("/p/cli")));
  }
}
