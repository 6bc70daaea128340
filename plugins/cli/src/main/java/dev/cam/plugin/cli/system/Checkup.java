package dev.cam.plugin.cli.system;

import dev.cam.api.DoctorCheck;
import dev.cam.api.PlatformContext;
import dev.cam.api.ToolAdapter;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The checks {@code cam doctor} runs. Each catches its own failures: one never hides another. */
final class Checkup {
  /**
   * One check and whether CAM cannot work without it.
   *
   * @param check what was found
   * @param essential whether a failure makes {@code cam doctor} exit 1
   */
  record Result(DoctorCheck check, boolean essential) {}

  private final PlatformContext context;

  Checkup(PlatformContext context) {
    this.context = context;
  }

  List<Result> system() {
    List<Result> results = new ArrayList<>();
    results.add(new Result(java(), true));
    results.add(new Result(program("tmux", List.of("tmux", "-V"), "apt install tmux"), true));
    results.add(new Result(program("git", List.of("git", "--version"), "apt install git"), false));
    results.add(new Result(directory("data dir", context.dataDir()), true));
    results.add(new Result(directory("config dir", context.configDir()), false));
    context.config().get("server.url").ifPresent(url -> results.add(new Result(server(url), true)));
    return results;
  }

  List<Result> tools() {
    List<Result> results = new ArrayList<>();
    for (Tools.Offered offered : Tools.all(context)) {
      ToolAdapter tool = offered.adapter();
      try {
        Optional<String> version = tool.installedVersion();
        results.add(
            new Result(
                new DoctorCheck(
                    "tool " + tool.id(),
                    version.isPresent(),
                    version.orElse("not installed"),
                    "install " + tool.displayName() + " to run '" + tool.id() + "' agents"),
                false));
        tool.doctor().forEach(c -> results.add(new Result(c, false)));
      } catch (RuntimeException e) {
        results.add(
            new Result(
                new DoctorCheck(
                    "tool " + tool.id(), false, e.getMessage(), "fix its plugin or rules"),
                false));
      }
    }
    return results;
  }

  static DoctorCheck java() {
    int feature = Runtime.version().feature();
    return new DoctorCheck(
        "java",
        feature >= 17,
        Runtime.version() + " (" + System.getProperty("java.home") + ")",
        "install Java 17 or newer (apt install openjdk-17-jre-headless) or set JAVA_HOME");
  }

  static DoctorCheck program(String name, List<String> command, String fix) {
    Optional<String> version = Programs.firstLine(command);
    return new DoctorCheck(name, version.isPresent(), version.orElse("not found on PATH"), fix);
  }

  static DoctorCheck directory(String name, Path dir) {
    Path existing = dir;
    while (existing != null && !Files.exists(existing)) {
      existing = existing.getParent();
    }
    boolean writable =
        existing != null && Files.isDirectory(existing) && Files.isWritable(existing);
    String detail = dir + (Files.exists(dir) ? "" : " (not created yet)");
    return new DoctorCheck(
        name,
        writable,
        detail,
        "make " + (existing == null ? dir : existing) + " writable for you, or run 'cam init'");
  }

  static DoctorCheck server(String url) {
    String health = url.replaceAll("/+$", "") + "/api/system/health";
    try {
      HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
      HttpRequest request =
          HttpRequest.newBuilder(URI.create(health)).timeout(Duration.ofSeconds(5)).build();
      long start = System.nanoTime();
      int status = client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
      long ms = (System.nanoTime() - start) / 1_000_000;
      return new DoctorCheck(
          "server",
          status < 400,
          url + " answered " + status + " in " + ms + " ms",
          fixServer(url));
    } catch (IOException | IllegalArgumentException e) {
      return new DoctorCheck("server", false, url + ": " + e.getMessage(), fixServer(url));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new DoctorCheck("server", false, url + ": interrupted", fixServer(url));
    }
  }

  private static String fixServer(String url) {
    return "start it with 'cam serve', or correct server.url (now " + url + ")";
  }
}
