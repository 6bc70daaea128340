package dev.cam.platform.store;

import dev.cam.api.AgentQuery;
import java.nio.file.Path;

/** A cold process listing every agent, as {@code cam list} does: {@code <db>}. */
public final class ListMain {
  private ListMain() {}

  public static void main(String[] args) {
    try (Store store = Store.open(Path.of(args[0]))) {
      int agents = store.agents().list(AgentQuery.ALL).size();
      System.out.println(agents + " " + store.events().lastSeq());
    }
  }
}
