package dev.cam.plugin.cli.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cam.api.CamException;
import dev.cam.api.InvalidInputException;
import dev.cam.api.NotFoundException;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProblemsTest {
  private static final String SERVER = "http://box:8420";

  @Test
  void aRouteTheServerLacksSaysToUpdateIt() {
    String notTaken =
        problem(
            "/api/agents/prune does not take POST: use GET or DELETE (see GET"
                + " /api/openapi.json)");
    String noRoute = problem("no API route /api/tools: see GET /api/openapi.json");

    for (CamException e :
        List.of(Problems.of(SERVER, 405, notTaken), Problems.of(SERVER, 404, noRoute))) {
      assertTrue(e.getMessage().contains("older CAM; update it"), e.getMessage());
      assertEquals(1, e.getMessage().lines().count());
    }
  }

  @Test
  void theServersOwnRefusalsKeepTheirWordsAndKind() {
    assertInstanceOf(NotFoundException.class, Problems.of(SERVER, 404, problem("no agent 'abc'")));
    assertEquals(
        "no agent 'abc'", Problems.of(SERVER, 404, problem("no agent 'abc'")).getMessage());
    assertInstanceOf(InvalidInputException.class, Problems.of(SERVER, 400, problem("bad")));
  }

  private static String problem(String detail) {
    return "{\"status\":0,\"detail\":\"" + detail + "\"}";
  }
}
