package dev.cam.plugin.api.route;

import dev.cam.api.Context;
import dev.cam.api.PlatformContext;
import dev.cam.plugin.api.http.Exchange;
import dev.cam.plugin.api.http.Reply;
import dev.cam.plugin.api.http.Route;
import java.util.List;
import java.util.Map;

/** {@code /api/contexts…}: named working directories. */
public final class ContextRoutes {
  private final PlatformContext context;

  public ContextRoutes(PlatformContext context) {
    this.context = context;
  }

  public List<Route> routes() {
    String one = "/api/contexts/{name}";
    return List.of(
        new Route("GET", "/api/contexts", "List contexts", this::list),
        new Route("POST", "/api/contexts", "Add a context", this::add),
        new Route("GET", one, "One context", this::get),
        new Route("PATCH", one, "Change a context's path, machine or tags", this::update),
        new Route("DELETE", one, "Remove a context", this::remove),
        new Route("POST", one + "/test", "Check that agents can run in a context", this::test));
  }

  private Reply list(Exchange ex) {
    return Reply.ok(
        Map.of("contexts", context.contexts().list().stream().map(ContextView::of).toList()));
  }

  private Reply add(Exchange ex) {
    ContextBody body = ex.body(ContextBody.class);
    Context added = context.contexts().add(body.toContext());
    return Reply.created("/api/contexts/" + added.name(), ContextView.of(added));
  }

  private Reply get(Exchange ex) {
    return Reply.ok(ContextView.of(context.contexts().get(ex.param("name"))));
  }

  private Reply update(Exchange ex) {
    ContextPatch patch = ex.body(ContextPatch.class);
    Context old = context.contexts().get(ex.param("name"));
    return Reply.ok(ContextView.of(context.contexts().update(patch.apply(old))));
  }

  private Reply test(Exchange ex) {
    boolean acceptNew = Params.flag(ex, "accept_new");
    return Reply.ok(new ContextCheck(context).run(ex.param("name"), acceptNew));
  }

  private Reply remove(Exchange ex) {
    context.contexts().remove(ex.param("name"));
    return Reply.noContent();
  }

  /**
   * A context as JSON.
   *
   * @param name unique name
   * @param path absolute directory
   * @param machine machine label
   * @param tags labels
   */
  public record ContextView(String name, String path, String machine, List<String> tags) {
    static ContextView of(Context c) {
      return new ContextView(c.name(), c.path(), c.machine().label(), c.tags());
    }
  }

  /**
   * Body of {@code POST /api/contexts}.
   *
   * @param name unique name (required)
   * @param path absolute directory (required)
   * @param machine remote machine, or null for this one
   * @param tags labels
   */
  record ContextBody(String name, String path, RunBody.MachineBody machine, List<String> tags) {
    Context toContext() {
      return new Context(name, path, machine == null ? null : machine.toMachine(), tags);
    }
  }
}
