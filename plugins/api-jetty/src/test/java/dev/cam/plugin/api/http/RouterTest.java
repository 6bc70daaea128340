package dev.cam.plugin.api.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RouterTest {
  private static final Endpoint NONE = ex -> Reply.noContent();
  private final Router router =
      new Router(
          List.of(
              new Route("POST", "/api/tasks/apply", "", NONE),
              new Route("GET", "/api/tasks/{id}", "", NONE),
              new Route("DELETE", "/api/tasks/{id}", "", NONE)));

  @Test
  void literalRoutesListedFirstWinOverPlaceholders() {
    assertEquals("/api/tasks/apply", router.resolve("POST", "/api/tasks/apply").route().template());
    assertEquals(Map.of("id", "apply"), router.resolve("GET", "/api/tasks/apply").params());
  }

  @Test
  void unknownPathsAreNotFoundAndOtherMethodsNotAllowed() {
    ProblemException missing =
        assertThrows(ProblemException.class, () -> router.resolve("GET", "/api/nope"));
    assertEquals(404, missing.problem().status());
    MethodNotAllowedException wrong =
        assertThrows(MethodNotAllowedException.class, () -> router.resolve("PUT", "/api/tasks/7"));
    assertEquals(List.of("DELETE", "GET"), wrong.allowed());
  }

  @Test
  void encodedSeparatorsAndDotSegmentsAreTricks() {
    assertNull(Paths.trick("/api/agents/ab12"));
    for (String raw :
        List.of("/api/a%2Fb", "/api/%2e%2e", "/api/../x", "/api//x", "/api/a\\b", "/api/%00")) {
      assertEquals(true, Paths.trick(raw) != null, raw);
    }
  }
}
