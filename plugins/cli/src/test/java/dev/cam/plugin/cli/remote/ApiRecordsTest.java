package dev.cam.plugin.cli.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.cam.api.InvalidInputException;
import dev.cam.api.Machine;
import java.util.List;
import org.junit.jupiter.api.Test;

class ApiRecordsTest {
  @Test
  void machineLabelsReadBackToTheSameLabel() {
    for (String label : List.of("local", "build", "ci@build", "build:2222", "ci@10.0.0.7:22")) {
      assertEquals(label, ApiRecords.machine(label).label());
    }
    assertEquals(Machine.LOCAL, ApiRecords.machine(null));
  }

  @Test
  void everyApiPathStaysUnderTheBaseUrl() {
    assertEquals(
        "https://relay.example/s/abc/api/agents",
        ServerUrl.base("https://relay.example/s/abc").resolve("api/agents").toString());
    assertEquals(
        "http://127.0.0.1:8420/api/agents",
        ServerUrl.base("http://127.0.0.1:8420").resolve("api/agents").toString());
    assertEquals(
        "wss://relay.example/s/abc/api/ws",
        ServerUrl.webSocket(ServerUrl.base("HTTPS://relay.example/s/abc/?x=1"))
            .resolve("api/ws")
            .toString());
  }

  @Test
  void aUrlThatIsNoHttpUrlIsRefused() {
    for (String bad : List.of("localhost:8420", "ftp://host/", "http://", "", "http://a b")) {
      assertThrows(InvalidInputException.class, () -> ServerUrl.base(bad), bad);
    }
  }
}
