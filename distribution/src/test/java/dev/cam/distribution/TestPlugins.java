package dev.cam.distribution;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/** Builds real PF4J plugin jars from Java source, compiled in the test with javax.tools. */
final class TestPlugins {
  private final Path work;

  TestPlugins(Path work) {
    this.work = work;
  }

  /**
   * A plugin jar.
   *
   * @param id plugin id
   * @param sources class name to source; extensions are listed in {@code extensions}
   * @param manifest extra manifest attributes ({@code Plugin-Class}, {@code Plugin-Dependencies})
   */
  Path jar(
      String id, Map<String, String> sources, List<String> extensions, Map<String, String> manifest)
      throws IOException {
    Path src = Files.createDirectories(work.resolve(id + "-src"));
    Path classes = Files.createDirectories(work.resolve(id + "-classes"));
    List<String> args =
        new ArrayList<>(List.of("-d", classes.toString(), "-classpath", classpath()));
    for (Map.Entry<String, String> source : sources.entrySet()) {
      Path file = src.resolve(source.getKey().replace('.', '/') + ".java");
      Files.createDirectories(file.getParent());
      Files.writeString(file, source.getValue());
      args.add(file.toString());
    }
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    if (javac.run(null, null, System.err, args.toArray(String[]::new)) != 0) {
      throw new IllegalStateException("test plugin " + id + " does not compile");
    }
    Files.writeString(
        classes.resolve("META-INF/extensions.idx"),
        String.join("\n", extensions) + "\n",
        StandardCharsets.UTF_8);
    return pack(id, classes, manifest);
  }

  /** A jar that is not a plugin at all: no manifest entries. */
  Path notAPlugin(String name) throws IOException {
    Path jar = work.resolve(name + ".jar");
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
      out.putNextEntry(new JarEntry("readme.txt"));
      out.write("nothing here".getBytes(StandardCharsets.UTF_8));
    }
    return jar;
  }

  private Path pack(String id, Path classes, Map<String, String> extra) throws IOException {
    Manifest manifest = new Manifest();
    Attributes main = manifest.getMainAttributes();
    main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
    main.putValue("Plugin-Id", id);
    main.putValue("Plugin-Version", "1.0.0");
    main.putValue("Plugin-Provider", "test");
    extra.forEach(main::putValue);
    Path jar = work.resolve(id + "-1.0.0.jar");
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest);
        Stream<Path> files = Files.walk(classes)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        out.putNextEntry(new JarEntry(classes.relativize(file).toString().replace('\\', '/')));
        copy(file, out);
      }
    }
    return jar;
  }

  private static void copy(Path file, OutputStream out) throws IOException {
    out.write(Files.readAllBytes(file));
  }

  private static String classpath() {
    return System.getProperty("java.class.path");
  }
}
