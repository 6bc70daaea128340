package dev.cam.plugin.tmux.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cam.api.TransportException;
import dev.cam.plugin.tmux.command.TmuxResult;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class ControlRepliesTest {
  private final ControlReplies replies = new ControlReplies();

  private void feed(String... lines) {
    for (String line : lines) {
      replies.accept(line);
    }
  }

  @Test
  void repliesGoToTheCommandsInTheOrderTheyWereSent() throws Exception {
    CompletableFuture<TmuxResult> first = new CompletableFuture<>();
    CompletableFuture<TmuxResult> second = new CompletableFuture<>();
    replies.expect(first);
    replies.expect(second);

    feed("%begin 1 10 0", "%end 1 10 0"); // the attach, not ours
    feed("%begin 1 11 1", "80 24", "%end 1 11 1");
    feed("%begin 1 12 1", "can't find session: x", "%error 1 12 1");

    assertEquals(new TmuxResult(0, "80 24\n", ""), first.get());
    assertEquals(new TmuxResult(1, "", "can't find session: x\n"), second.get());
    assertTrue(second.get().sessionGone());
  }

  @Test
  void paneTextThatLooksLikeAFrameStaysText() throws Exception {
    CompletableFuture<TmuxResult> capture = new CompletableFuture<>();
    replies.expect(capture);
    String utf8 = new String("é😀".getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);

    feed("%begin 5 20 1", "%end 1 2 1", "%output %1 x", "%begin 5 21 1", utf8, "%end 5 20 1");

    assertEquals(
        List.of("%end 1 2 1", "%output %1 x", "%begin 5 21 1", "é😀"), capture.get().lines());
  }

  @Test
  void notificationsOutsideFramesAreNotReplies() {
    assertFalse(replies.accept("%output %3 hello"));
    assertFalse(replies.accept("%session-changed $1 _cam-watch"));
  }

  @Test
  void anEndedClientFailsWhatWasNotAnswered() {
    CompletableFuture<TmuxResult> reply = new CompletableFuture<>();
    replies.expect(reply);
    replies.failAll(new TransportException("ended"));
    assertTrue(reply.isCompletedExceptionally());
  }
}
