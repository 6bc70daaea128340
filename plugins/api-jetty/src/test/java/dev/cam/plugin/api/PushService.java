package dev.cam.plugin.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.cam.plugin.api.push.PushReceiver;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A push service on 127.0.0.1 as browsers' vendors run them, for tests: it checks each message's
 * VAPID JWT (ES256 signature with the key in the header, audience, expiry) and decrypts the body
 * with the subscriber's private key, as the browser would.
 */
final class PushService implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder UNB64 = Base64.getUrlDecoder();

  /**
   * One message as the browser gets it.
   *
   * @param subscriber the subscriber's name
   * @param headers the request's headers of note
   * @param claims the JWT's claims
   * @param key the VAPID public key from the header (k=)
   * @param payload the decrypted message
   */
  record Message(
      String subscriber,
      Map<String, String> headers,
      JsonNode claims,
      String key,
      JsonNode payload) {}

  /**
   * A browser's subscription: its own key pair and auth secret.
   *
   * @param endpoint where its messages go
   * @param keys its P-256 pair
   * @param auth its auth secret
   */
  record Subscriber(String endpoint, KeyPair keys, byte[] auth) {
    String p256dh() {
      return B64.encodeToString(raw((ECPublicKey) keys.getPublic()));
    }

    String authSecret() {
      return B64.encodeToString(auth);
    }

    /** The body a browser posts to subscribe. */
    String json() {
      return "{\"endpoint\":\""
          + endpoint
          + "\",\"keys\":{\"p256dh\":\""
          + p256dh()
          + "\",\"auth\":\""
          + authSecret()
          + "\"}}";
    }
  }

  final BlockingQueue<Message> received = new LinkedBlockingQueue<>();
  final List<String> errors = Collections.synchronizedList(new ArrayList<>());
  private final Map<String, Subscriber> subscribers = new ConcurrentHashMap<>();
  private final Map<String, Integer> answers = new ConcurrentHashMap<>();
  private final HttpServer server;

  PushService() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/push/", this::handle);
    server.start();
  }

  String origin() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  Subscriber subscriber(String name) throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(new ECGenParameterSpec("secp256r1"));
    byte[] auth = new byte[16];
    new SecureRandom().nextBytes(auth);
    Subscriber subscriber =
        new Subscriber(origin() + "/push/" + name, generator.generateKeyPair(), auth);
    subscribers.put(name, subscriber);
    return subscriber;
  }

  /** What the service answers for this subscriber's messages (201 unless set). */
  void answer(String name, int status) {
    answers.put(name, status);
  }

  Message next(Duration wait) throws InterruptedException {
    Message message = received.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
    if (message == null) {
      throw new AssertionError("no push message within " + wait + "; errors: " + errors);
    }
    return message;
  }

  private void handle(HttpExchange exchange) throws IOException {
    String name = exchange.getRequestURI().getPath().substring("/push/".length());
    byte[] body = exchange.getRequestBody().readAllBytes();
    int status = answers.getOrDefault(name, 201);
    try {
      received.add(read(name, exchange, body));
    } catch (Exception e) {
      errors.add(name + ": " + e);
      status = 400;
    }
    exchange.sendResponseHeaders(status, -1);
    exchange.close();
  }

  private Message read(String name, HttpExchange exchange, byte[] body) throws Exception {
    Subscriber subscriber = subscribers.get(name);
    if (subscriber == null) {
      throw new IllegalStateException("no subscriber " + name);
    }
    String authorization = exchange.getRequestHeaders().getFirst("Authorization");
    if (authorization == null || !authorization.startsWith("vapid t=")) {
      throw new IllegalStateException("no vapid authorization: " + authorization);
    }
    String[] parts = authorization.substring("vapid ".length()).split(",\\s*");
    String jwt = parts[0].substring(2);
    String key = parts[1].substring(2);
    JsonNode claims = verify(jwt, UNB64.decode(key));
    byte[] plain =
        PushReceiver.decrypt(
            body,
            subscriber.keys().getPrivate(),
            raw((ECPublicKey) subscriber.keys().getPublic()),
            subscriber.auth());
    Map<String, String> headers = new java.util.TreeMap<>();
    for (String header : List.of("Content-Encoding", "Content-Type", "TTL", "Urgency")) {
      headers.put(header, exchange.getRequestHeaders().getFirst(header));
    }
    return new Message(name, headers, claims, key, JSON.readTree(plain));
  }

  /** Checks header, ES256 signature, audience and expiry; returns the claims. */
  private JsonNode verify(String jwt, byte[] key) throws Exception {
    String[] parts = jwt.split("\\.");
    JsonNode header = JSON.readTree(UNB64.decode(parts[0]));
    if (!"ES256".equals(header.path("alg").asText())
        || !"JWT".equals(header.path("typ").asText())) {
      throw new IllegalStateException("JWT header " + header);
    }
    Signature es256 = Signature.getInstance("SHA256withECDSAinP1363Format");
    es256.initVerify(PushReceiver.publicKey(key));
    es256.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
    if (!es256.verify(UNB64.decode(parts[2]))) {
      throw new IllegalStateException("the JWT signature does not verify");
    }
    JsonNode claims = JSON.readTree(UNB64.decode(parts[1]));
    if (!origin().equals(claims.path("aud").asText())) {
      throw new IllegalStateException("audience " + claims.path("aud") + " is not " + origin());
    }
    long now = System.currentTimeMillis() / 1000;
    long exp = claims.path("exp").asLong();
    if (exp <= now || exp > now + 24 * 3600) {
      throw new IllegalStateException("exp " + exp + " is not within the next 24 hours");
    }
    return claims;
  }

  static byte[] raw(ECPublicKey key) {
    byte[] out = new byte[65];
    out[0] = 4;
    fixed(key.getW().getAffineX().toByteArray(), out, 1);
    fixed(key.getW().getAffineY().toByteArray(), out, 33);
    return out;
  }

  private static void fixed(byte[] value, byte[] out, int at) {
    int skip = Math.max(0, value.length - 32);
    System.arraycopy(value, skip, out, at + 32 - (value.length - skip), value.length - skip);
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
