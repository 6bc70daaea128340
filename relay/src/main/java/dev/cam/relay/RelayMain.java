package dev.cam.relay;

import dev.cam.relay.server.RelayConfig;
import dev.cam.relay.server.RelayServer;
import dev.cam.relay.server.TlsSettings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code cam-relay}: runs the relay until it is stopped (SIGTERM stops it cleanly). */
@Command(
    name = "cam-relay",
    mixinStandardHelpOptions = true,
    versionProvider = RelayMain.Version.class,
    description = "Relay that lets phones, browsers and remote CLIs reach CAM servers behind NAT.")
public final class RelayMain implements Callable<Integer> {
  @Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--config", description = "relay.toml with listener, TLS and limits")
  Path config;

  @Option(names = "--host", description = "address to bind (default 0.0.0.0, or the config's)")
  String host;

  @Option(names = "--port", description = "port to bind (default 8443, or the config's)")
  Integer port;

  @Option(names = "--tls-cert", description = "PEM certificate chain (with --tls-key)")
  Path tlsCert;

  @Option(names = "--tls-key", description = "PEM private key, unencrypted PKCS#8 or PKCS#1")
  Path tlsKey;

  @Option(names = "--tls-keystore", description = "PKCS#12 keystore instead of PEM files")
  Path keystore;

  @Option(names = "--tls-keystore-password-file", description = "file holding the password")
  Path keystorePasswordFile;

  @Option(names = "--admission-secret-file", description = "servers must present this secret")
  Path admissionSecretFile;

  @Option(names = "--metrics", description = "answer GET /_relay/metrics (counts only)")
  boolean metrics;

  /** Runs the relay; exits 0 on a clean stop, 2 on configuration errors. */
  public static void main(String[] args) {
    CommandLine line = new CommandLine(new RelayMain());
    line.setExecutionExceptionHandler(
        (e, cmd, parsed) -> {
          cmd.getErr().println("cam-relay: " + e.getMessage());
          return e instanceof RelayException || e instanceof IllegalArgumentException ? 2 : 1;
        });
    System.exit(line.execute(args));
  }

  @Override
  public Integer call() throws Exception {
    RelayServer relay = new RelayServer(resolve());
    relay.start();
    Runtime.getRuntime().addShutdownHook(new Thread(relay::close, "relay-shutdown"));
    spec.commandLine().getOut().println("cam-relay listening on " + relay.uri());
    spec.commandLine().getOut().flush();
    relay.join();
    return 0;
  }

  RelayConfig resolve() throws IOException {
    RelayConfig base =
        config == null ? RelayConfig.local("0.0.0.0", 8443) : RelayConfigFile.load(config);
    RelayConfig out =
        new RelayConfig(
            host != null ? host : base.host(),
            port != null ? port : base.port(),
            admissionSecretFile != null
                ? Files.readString(admissionSecretFile, StandardCharsets.UTF_8).strip()
                : base.admissionSecret(),
            base.tls(),
            base.limits(),
            metrics || base.metricsEndpoint());
    if (tlsCert != null || tlsKey != null) {
      out = out.withTls(TlsSettings.pem(tlsCert, tlsKey));
    } else if (keystore != null) {
      String password =
          keystorePasswordFile == null
              ? ""
              : Files.readString(keystorePasswordFile, StandardCharsets.UTF_8).strip();
      out = out.withTls(TlsSettings.keystore(keystore, password));
    }
    return out;
  }

  /** Reads the version from the jar manifest. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String version = RelayMain.class.getPackage().getImplementationVersion();
      return new String[] {"cam-relay " + (version == null ? "dev" : version)};
    }
  }
}
