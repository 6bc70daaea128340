package dev.cam.plugin.cli.system;

import dev.cam.api.CamException;
import dev.cam.api.DoctorCheck;
import dev.cam.plugin.cli.ErrorHandler;
import dev.cam.plugin.cli.remote.RemoteCam;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code cam doctor --server URL}: whether the server answers (with the token given), then the
 * checks the server runs on its own machine. Only the answer and the server's store are essential.
 */
final class ServerCheckup {
  private ServerCheckup() {}

  static List<Checkup.Result> of(RemoteCam server) {
    List<Checkup.Result> results = new ArrayList<>();
    long start = System.nanoTime();
    Map<?, ?> health;
    Map<?, ?> doctor;
    try {
      health = server.health();
      doctor = server.doctor();
    } catch (CamException e) {
      results.add(
          new Checkup.Result(
              new DoctorCheck("server", false, ErrorHandler.oneLine(e), fix(server)), true));
      return results;
    }
    long ms = (System.nanoTime() - start) / 1_000_000;
    String detail =
        server.label() + ": cam " + health.get("version") + ", answered in " + ms + " ms";
    results.add(new Checkup.Result(new DoctorCheck("server", true, detail, null), true));
    Object checks = doctor.get("checks");
    for (Object each : checks instanceof List<?> list ? list : List.of()) {
      if (each instanceof Map<?, ?> check) {
        results.add(result(check));
      }
    }
    return results;
  }

  private static Checkup.Result result(Map<?, ?> check) {
    String source = String.valueOf(check.get("source"));
    String name = String.valueOf(check.get("name"));
    String label = source.equals("cam") || source.equals(name) ? name : source + " " + name;
    DoctorCheck found =
        new DoctorCheck(
            "server " + label,
            Boolean.TRUE.equals(check.get("ok")),
            text(check.get("detail")),
            text(check.get("fix")));
    return new Checkup.Result(found, source.equals("cam"));
  }

  private static String text(Object value) {
    return value == null ? null : value.toString();
  }

  private static String fix(RemoteCam server) {
    return "start 'cam serve' on the server, or correct --server / CAM_SERVER / server.url (now "
        + server.label()
        + ")";
  }
}
