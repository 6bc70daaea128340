package dev.cam.api;

/**
 * Where sessions run: this machine ({@link #LOCAL}, host {@code null}) or a remote host reached
 * over SSH.
 *
 * @param host host name, address or {@code ~/.ssh/config} alias; {@code null} for this machine
 * @param user login name, or {@code null} for the SSH default
 * @param port SSH port, or 0 for the default (22 or what {@code ~/.ssh/config} says)
 * @param keyFile private key file, or {@code null} for the usual keys and ssh-agent
 */
public record Machine(String host, String user, int port, String keyFile) {
  /** This machine. */
  public static final Machine LOCAL = new Machine(null, null, 0, null);

  public Machine {
    if (host != null && host.isBlank()) {
      throw new InvalidInputException("machine host is empty: give a host name or leave it out");
    }
    if (port < 0 || port > 65535) {
      throw new InvalidInputException("port " + port + " is out of range: use 1-65535");
    }
  }

  public static Machine remote(String host, String user, int port, String keyFile) {
    if (host == null) {
      throw new InvalidInputException("a remote machine needs a host");
    }
    return new Machine(host, user, port, keyFile);
  }

  public boolean isLocal() {
    return host == null;
  }

  /** {@code local}, {@code host}, {@code user@host} or {@code user@host:port}. */
  public String label() {
    if (isLocal()) {
      return "local";
    }
    return (user == null ? "" : user + "@") + host + (port == 0 ? "" : ":" + port);
  }
}
