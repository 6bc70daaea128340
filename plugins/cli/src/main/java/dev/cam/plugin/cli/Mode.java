package dev.cam.plugin.cli;

import dev.cam.api.InvalidInputException;
import dev.cam.api.PlatformContext;
import dev.cam.plugin.cli.remote.ApiClient;
import dev.cam.plugin.cli.remote.RemoteCam;
import dev.cam.plugin.cli.service.CamService;
import dev.cam.plugin.cli.service.LocalCam;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Local or remote: whether a command works on this machine's store and kernel or through a CAM
 * server's API. The server is {@code --server}, else {@code CAM_SERVER}, else {@code server.url};
 * its token {@code --token}, else {@code CAM_TOKEN}, else {@code server.token}, else the token file
 * of this machine's own server.
 */
public final class Mode {
  private final PlatformContext context;
  private final String serverFlag;
  private final String tokenFlag;
  private final Map<String, String> env;

  /**
   * @param serverFlag {@code --server}, or null
   * @param tokenFlag {@code --token}, or null
   * @param env the environment ({@code CAM_SERVER}, {@code CAM_TOKEN})
   */
  static Mode of(
      PlatformContext context, String serverFlag, String tokenFlag, Map<String, String> env) {
    return new Mode(context, serverFlag, tokenFlag, env);
  }

  private Mode(
      PlatformContext context, String serverFlag, String tokenFlag, Map<String, String> env) {
    this.context = context;
    this.serverFlag = serverFlag;
    this.tokenFlag = tokenFlag;
    this.env = env;
  }

  public static Mode of(CommandSpec spec, PlatformContext context) {
    CamCommand root = CamCommand.of(spec.commandLine());
    return new Mode(context, root.server(), root.token(), root.env());
  }

  /** The service the command talks to. */
  public static CamService service(CommandSpec spec, PlatformContext context) {
    return of(spec, context).service();
  }

  /** The server's API when one is given, else this machine's store and kernel. */
  public CamService service() {
    return remote().<CamService>map(r -> r).orElseGet(() -> new LocalCam(context));
  }

  /** The server's API when a server is given. */
  public Optional<RemoteCam> remote() {
    return server().map(url -> new RemoteCam(new ApiClient(url, token().orElse(null))));
  }

  /** The server's URL, if one is given. */
  public Optional<String> server() {
    return first(serverFlag, env.get("CAM_SERVER"), context.config().get("server.url"));
  }

  private Optional<String> token() {
    return first(tokenFlag, env.get("CAM_TOKEN"), context.config().get("server.token"))
        .or(this::tokenFile);
  }

  private Optional<String> tokenFile() {
    Path file = context.configDir().resolve("server.token");
    try {
      return Optional.of(Files.readString(file, StandardCharsets.UTF_8).strip())
          .filter(t -> !t.isEmpty());
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /** For commands the API offers no way to do: refuses when a server is given, saying why. */
  public void notRemote(CommandSpec spec, String why) {
    Optional<String> url = server();
    if (url.isPresent()) {
      throw new InvalidInputException(
          "'"
              + spec.qualifiedName()
              + "' does not work through a server ("
              + url.get()
              + "): "
              + why);
    }
  }

  private static Optional<String> first(String flag, String variable, Optional<String> config) {
    if (flag != null && !flag.isBlank()) {
      return Optional.of(flag);
    }
    if (variable != null && !variable.isBlank()) {
      return Optional.of(variable);
    }
    return config.filter(s -> !s.isBlank());
  }
}
