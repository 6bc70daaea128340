package dev.cam.plugin.api.http;

/** Handles the requests of one route. Called on a server thread; may block briefly. */
@FunctionalInterface
public interface Endpoint {
  /**
   * @throws Exception mapped to a problem: {@link ProblemException}, the API's exceptions, bad JSON
   */
  Reply handle(Exchange exchange) throws Exception;
}
