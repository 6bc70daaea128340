package dev.cam.platform.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.cam.api.Context;
import dev.cam.api.InvalidInputException;
import dev.cam.api.Machine;
import dev.cam.api.NotFoundException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteContextsTest {
  @TempDir Path tmp;

  @Test
  void contextsLiveThroughAddUpdateAndRemove() {
    try (Store store = Store.open(tmp.resolve("cam.db"))) {
      SqliteContexts contexts = store.contexts();
      Context web = new Context("web", "/src/web", null, List.of("frontend"));
      Context api = new Context("api", "/src/api", Machine.remote("box", null, 0, null), List.of());
      contexts.add(web);
      contexts.add(api);
      assertEquals(List.of(api, web), contexts.list());

      assertThrows(InvalidInputException.class, () -> contexts.add(web));
      Context moved = new Context("web", "/src/web2", null, List.of("a", "b"));
      contexts.update(moved);
      assertEquals(moved, contexts.get("web"));

      contexts.remove("web");
      assertThrows(NotFoundException.class, () -> contexts.get("web"));
      assertThrows(NotFoundException.class, () -> contexts.remove("web"));
      assertThrows(NotFoundException.class, () -> contexts.update(moved));
    }
  }
}
