package dev.cam.platform.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cam.api.Agent;
import dev.cam.api.AgentStatus;
import dev.cam.api.EventTypes;
import dev.cam.platform.agent.support.Rig;
import dev.cam.plugin.tmux.testkit.Await;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A cut connection to the session, injected into the polling transport (so this scenario is not
 * repeated with control mode as the rest of {@link AgentManagerIT} is).
 */
class LostContactIT {
  private static final Duration WAIT = Duration.ofSeconds(20);

  @TempDir Path dir;
  private Rig rig;

  @BeforeEach
  void start() {
    rig = new Rig(dir, false);
  }

  @AfterEach
  void stop() {
    rig.close();
  }

  @Test
  void aShortCutConnectionIsRiddenOutAndALongOneFailsTheAgentSayingSo() throws Exception {
    AgentManager watching =
        rig.manager("cut", Rig.FAST.withLostContactLimit(Duration.ofSeconds(2)));
    Agent agent = watching.run(rig.request(AgentManagerIT.task("busy 60s"), null));
    rig.await(agent.id(), AgentStatus.RUNNING, WAIT);

    rig.polling().cut(true);
    Await.until(() -> rig.types(agent.id()).contains(EventTypes.ERROR), WAIT, "a failed capture");
    rig.polling().cut(false);
    Thread.sleep(3000); // past the limit: that nothing fails can only be waited out
    assertEquals(AgentStatus.RUNNING, rig.find(agent.id()).status());

    rig.polling().cut(true);
    Agent failed = rig.await(agent.id(), AgentStatus.FAILED, WAIT);
    assertTrue(failed.exitReason().contains("lost contact"), failed.exitReason());
    assertTrue(failed.exitReason().contains("connection was cut"), failed.exitReason());
    rig.polling().cut(false);
  }
}
