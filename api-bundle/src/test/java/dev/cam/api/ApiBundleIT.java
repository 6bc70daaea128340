package dev.cam.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import org.apache.felix.framework.Felix;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.osgi.framework.Constants;

/** Checks the built api-bundle jar: its OSGi manifest, and that it resolves and starts in Felix. */
class ApiBundleIT {
  private static final Path JAR = Path.of(System.getProperty("api.jar", "missing"));

  @Test
  void manifestNamesTheBundleAndExportsTheApi() throws IOException {
    Attributes main = manifest();
    assertEquals("dev.cam.api", main.getValue("Bundle-SymbolicName"));
    assertTrue(
        main.getValue("Export-Package").startsWith("dev.cam.api;"),
        () -> "Export-Package: " + main.getValue("Export-Package"));
  }

  @Test
  void importsNothingOutsideTheJdk() throws IOException {
    String imports = manifest().getValue("Import-Package");
    List<String> foreign =
        imports == null
            ? List.of()
            : Arrays.stream(imports.split(",(?![^\"]*\"\\s*(;|$))"))
                .map(p -> p.split(";")[0].trim())
                .filter(p -> !p.startsWith("java."))
                .collect(Collectors.toList());
    assertEquals(List.of(), foreign, "api-bundle must depend on the JDK alone");
  }

  @Test
  void resolvesAndStartsInAnEmbeddedFelixFramework(@TempDir Path cache) throws Exception {
    Felix felix =
        new Felix(
            Map.of(
                Constants.FRAMEWORK_STORAGE,
                cache.toString(),
                Constants.FRAMEWORK_STORAGE_CLEAN,
                Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT));
    felix.start();
    try {
      Bundle bundle = felix.getBundleContext().installBundle(JAR.toUri().toString());
      bundle.start();
      assertEquals(Bundle.ACTIVE, bundle.getState());
      Class<?> status = bundle.loadClass("dev.cam.api.AgentStatus");
      assertNotNull(status.getMethod("isTerminal"));
      assertTrue(bundle.getVersion().toString().startsWith("0.1.0"));
    } finally {
      felix.stop();
      felix.waitForStop(10_000);
    }
  }

  private static Attributes manifest() throws IOException {
    assertTrue(Files.isRegularFile(JAR), () -> "built jar not found at " + JAR);
    try (JarFile jar = new JarFile(JAR.toFile())) {
      return jar.getManifest().getMainAttributes();
    }
  }
}
