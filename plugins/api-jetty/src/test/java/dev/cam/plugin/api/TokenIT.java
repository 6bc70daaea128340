package dev.cam.plugin.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokenIT {
  @TempDir Path dir;

  private static ApiClient client(JettyApiFrontend frontend, String token) {
    return new ApiClient(URI.create(frontend.uri().toString().replaceAll("/api$", "")), token);
  }

  @Test
  void firstStartMakesAnOwnerOnlyTokenFileThatLaterStartsReuse() throws Exception {
    try (TestPlatform platform = new TestPlatform(dir, Map.of())) {
      JettyApiFrontend frontend =
          new JettyApiFrontend(platform, ApiSettings.defaults("127.0.0.1", 0));
      frontend.start();
      Path file = platform.configDir().resolve("server.token");
      String token;
      try {
        token = Files.readString(file).trim();
        assertEquals(
            "rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals(32, Base64.getUrlDecoder().decode(token).length, "256 random bits");
        assertEquals(200, client(frontend, token).get("/api/agents").status());
      } finally {
        frontend.stop();
      }
      frontend.start();
      try {
        assertEquals(token, Files.readString(file).trim());
        assertEquals(200, client(frontend, token).get("/api/system/health").status());
        assertTrue(frontend.describe().startsWith("api http://127.0.0.1:"), frontend.describe());
      } finally {
        frontend.stop();
      }
    }
  }

  @Test
  void healthIsOpenOnlyWhenConfigured() {
    try (TestPlatform platform = new TestPlatform(dir, Map.of())) {
      JettyApiFrontend frontend =
          new JettyApiFrontend(
              platform, ApiSettings.defaults("127.0.0.1", 0).with("t0ken", List.of(), true));
      frontend.start();
      try {
        ApiClient anonymous = client(frontend, null);
        assertEquals(200, anonymous.get("/api/system/health").status());
        assertEquals(401, anonymous.get("/api/system/config").status());
      } finally {
        frontend.stop();
      }
    }
  }

  @Test
  void tooManyWrongTokensAreRefusedEvenWithTheRightOneUntilTheWindowEnds() {
    try (TestPlatform platform = new TestPlatform(dir, Map.of())) {
      JettyApiFrontend frontend =
          new JettyApiFrontend(
              platform, ApiSettings.defaults("127.0.0.1", 0).with("right", List.of(), false));
      frontend.start();
      try {
        ApiClient wrong = client(frontend, "wrong");
        for (int i = 0; i < 10; i++) {
          assertEquals(401, wrong.get("/api/agents").status());
        }
        ApiClient.Reply limited = wrong.get("/api/agents");
        assertEquals(429, limited.status());
        assertTrue(limited.isProblem());
        assertTrue(Long.parseLong(limited.header("Retry-After")) > 0);
        assertEquals(429, client(frontend, "right").get("/api/agents").status());
      } finally {
        frontend.stop();
      }
    }
  }

  @Test
  void aServerOnATakenPortSaysWhatToDo() {
    try (TestPlatform platform = new TestPlatform(dir, Map.of())) {
      JettyApiFrontend first =
          new JettyApiFrontend(
              platform, ApiSettings.defaults("127.0.0.1", 0).with("t", List.of(), false));
      first.start();
      try {
        int port = first.uri().getPort();
        JettyApiFrontend second =
            new JettyApiFrontend(
                platform, ApiSettings.defaults("127.0.0.1", port).with("t", List.of(), false));
        RuntimeException e =
            org.junit.jupiter.api.Assertions.assertThrows(RuntimeException.class, second::start);
        assertTrue(e.getMessage().contains("server.port"), e.getMessage());
      } finally {
        first.stop();
      }
    }
  }
}
