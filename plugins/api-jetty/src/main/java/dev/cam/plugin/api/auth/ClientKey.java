package dev.cam.plugin.api.auth;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.eclipse.jetty.server.Request;

/**
 * Who a request comes from, for counting wrong tokens: the remote address, and for a request that
 * came over the relay link also the relay's client, so that clients behind one relay are counted
 * apart.
 *
 * <p>The relay sets {@code X-Forwarded-Prefix} (which it never takes from its clients) and appends
 * the address it sees to {@code X-Forwarded-For}. The server's link to the relay reaches the API on
 * the loopback interface, so these headers are believed only from there: a client that reaches the
 * API directly over the network is counted by its own address whatever headers it sends.
 */
public final class ClientKey {
  static final String PREFIX = "X-Forwarded-Prefix";
  static final String FORWARDED_FOR = "X-Forwarded-For";
  private static final int MAX_CLIENT = 64;

  private ClientKey() {}

  public static String of(Request request) {
    String address = Request.getRemoteAddr(request);
    String client = relayClient(request);
    return client == null || !isLoopback(address) ? address : address + " for " + client;
  }

  /** Whether the request says it came through the relay (its prefix header is set). */
  public static boolean viaRelay(Request request) {
    return request.getHeaders().get(PREFIX) != null;
  }

  private static String relayClient(Request request) {
    if (!viaRelay(request)) {
      return null;
    }
    String chain = String.join(",", request.getHeaders().getValuesList(FORWARDED_FOR));
    String last = chain.substring(chain.lastIndexOf(',') + 1).trim();
    return last.isEmpty() || last.length() > MAX_CLIENT ? null : last;
  }

  private static boolean isLoopback(String address) {
    if (address == null || !address.matches("[0-9a-fA-F:.\\[\\]%a-z]+")) {
      return false;
    }
    try {
      // a literal address: no name lookup happens
      return InetAddress.getByName(address.replace("[", "").replace("]", "")).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }
}
