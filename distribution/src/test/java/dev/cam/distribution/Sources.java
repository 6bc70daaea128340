package dev.cam.distribution;

/** Java sources of the test plugins. */
final class Sources {
  private Sources() {}

  /** A front-end made with the context, describing itself by CAM's version. */
  static String frontend(String pkg, String name, String body) {
    return """
        package %s;

        import dev.cam.api.PlatformContext;

        public class %s implements dev.cam.api.Frontend {
          private final PlatformContext context;

          public %s(PlatformContext context) {
            this.context = context;
            %s
          }

          public String id() { return "%s"; }
          public void start() {}
          public void stop() {}
          public String describe() { return "%s on cam " + context.version(); }
        }
        """
        .formatted(pkg, name, name, body, name, name);
  }

  /** A PF4J plugin class that records start and stop in a system property. */
  static String recordingPlugin(String pkg, String id, String startBody) {
    return """
        package %s;

        public class Lifecycle extends org.pf4j.Plugin {
          public void start() {
            %s
            record("start:%s");
          }

          public void stop() { record("stop:%s"); }

          private static synchronized void record(String what) {
            String before = System.getProperty("cam.test.lifecycle", "");
            System.setProperty("cam.test.lifecycle", before + what + " ");
          }
        }
        """
        .formatted(pkg, startBody, id, id);
  }
}
