package dev.cam.plugin.generic;

import dev.cam.api.AgentState;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A question the tool waits on, and how to answer it with "yes".
 *
 * <p>With {@code select} set the answer is computed from the screen: find the line with the menu
 * cursor ({@code cursor}) and the line of the wanted option ({@code select}), press Up or Down once
 * per option line ({@code option}) between them, then the {@code answer} keys. When the cursor or
 * the option can't be found, the prompt is reported with no answer so a person decides. Without
 * {@code select} the {@code answer} keys are sent as they are; no keys means never answer.
 *
 * @param name rule name, used to override it from a user file
 * @param kind {@code permission}, {@code trust}, {@code api_key} or the tool's own kind
 * @param state state reported while the prompt is shown
 * @param match the test
 * @param answer keys sent after moving the cursor (or alone, without {@code select})
 * @param select the option to choose, or {@code null}
 * @param cursor the line the menu cursor is on
 * @param option a line that is one menu option, for counting moves
 * @param settle how long the prompt must be still on screen before it is answered ({@code
 *     settle_ms}), for a tool that drops keys arriving just after it draws the question
 */
public record PromptRule(
    String name,
    String kind,
    AgentState state,
    Match match,
    List<String> answer,
    Pattern select,
    Pattern cursor,
    Pattern option,
    Duration settle) {
  public PromptRule {
    answer = List.copyOf(answer);
    settle = settle == null ? Duration.ZERO : settle;
  }
}
