package dev.cam.relay.link;

import dev.cam.relay.protocol.Flags;
import dev.cam.relay.protocol.Frame;
import dev.cam.relay.protocol.FrameType;
import dev.cam.relay.protocol.Header;
import dev.cam.relay.protocol.ProtocolException;
import dev.cam.relay.protocol.Reason;
import dev.cam.relay.protocol.ReceiveWindow;
import dev.cam.relay.protocol.SendWindow;
import dev.cam.relay.protocol.StreamOpen;
import dev.cam.relay.protocol.StreamResponse;
import dev.cam.relay.protocol.WireReader;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.jetty.client.Request;
import org.eclipse.jetty.client.Response;
import org.eclipse.jetty.client.Result;

/** One client HTTP request replayed against the origin with the link's HTTP client, streaming. */
final class OriginHttpStream implements LinkStream {
  private final StreamContext link;
  private final int id;
  private final StreamOpen open;
  private final boolean noBody;
  private final SendWindow sendWindow;
  private final OriginUpload upload;
  private final OriginDownload download;
  private final AtomicBoolean responded = new AtomicBoolean();
  private final AtomicBoolean over = new AtomicBoolean();
  private volatile Request exchange;
  private volatile boolean retried;

  OriginHttpStream(StreamContext link, int id, StreamOpen open, boolean noBody) {
    this.link = link;
    this.id = id;
    this.open = open;
    this.noBody = noBody;
    this.sendWindow = new SendWindow(link.initialWindow());
    this.upload = noBody ? null : new OriginUpload(link, id, growing(link), contentLength());
    this.download = new OriginDownload(link, id, sendWindow, this::finish, this::failed);
  }

  @Override
  public void start() {
    send(link.origin());
  }

  private void send(URI origin) {
    Request request;
    try {
      request = request(origin);
    } catch (IllegalArgumentException e) {
      respondError(400, "the CAM server cannot take this request: " + e.getMessage());
      return;
    }
    exchange = request;
    request
        .onResponseHeaders(this::onResponse)
        .onResponseContentSource((response, body) -> download.start(body))
        .send(result -> completed(origin, result));
  }

  private void completed(URI origin, Result result) {
    if (!result.isFailed()) {
      download.completed();
    } else if (!retried(origin, result.getFailure())) {
      failed(result.getFailure());
    }
  }

  /**
   * A refused connection may mean the local server moved to another port: the link looks again, and
   * a request without a body, which nothing has read yet, goes once more to the new address.
   */
  private boolean retried(URI tried, Throwable failure) {
    if (!refused(failure) || responded.get() || over.get()) {
      return false;
    }
    URI next = link.originUnreachable(tried);
    if (retried || !noBody || next.equals(tried)) {
      return false;
    }
    retried = true;
    send(next);
    return true;
  }

  static boolean refused(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof java.net.ConnectException) {
        return true;
      }
    }
    return false;
  }

  private Request request(URI origin) {
    URI uri = URI.create(trimSlash(origin.toString()) + open.target());
    Request request =
        link.newOriginRequest(uri)
            .method(open.method())
            .headers(
                fields -> {
                  for (Header header : open.headers()) {
                    if (OriginHeaders.settable(header.name())) {
                      fields.add(header.name(), header.value());
                    }
                  }
                });
    return upload == null ? request : request.body(upload);
  }

  private long contentLength() {
    String value = open.header("Content-Length");
    try {
      return value == null ? -1 : Long.parseLong(value.trim());
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private void onResponse(Response response) {
    if (responded.compareAndSet(false, true)) {
      link.send(
          new StreamResponse(
                  response.getStatus(), OriginHeaders.fromResponse(response.getHeaders()))
              .toFrame(id, false));
    }
  }

  @Override
  public void onFrame(Frame frame) {
    switch (frame.type()) {
      case DATA -> {
        if (upload == null) {
          throw new ProtocolException("DATA after END_STREAM");
        }
        upload.onData(frame.payload(), frame.has(Flags.END_STREAM));
      }
      case WINDOW -> {
        sendWindow.grant(new WireReader(frame.payload()).i32());
        download.resume();
      }
      case RESET -> abort();
      default -> {
        // CLOSE has no meaning for HTTP; ignore rather than kill the link
      }
    }
  }

  private void failed(Throwable failure) {
    if (!responded.get()) {
      respondError(502, "the CAM server did not answer: " + failure.getMessage());
    } else if (over.compareAndSet(false, true)) {
      link.send(
          new Reason(Reason.UNREACHABLE, "origin failed: " + failure.getMessage())
              .toFrame(FrameType.RESET, id));
      link.finished(id, this);
    }
  }

  private void respondError(int status, String message) {
    if (!responded.compareAndSet(false, true) || over.get()) {
      return;
    }
    byte[] body = (message + "\n").getBytes(StandardCharsets.UTF_8);
    link.send(
        new StreamResponse(status, List.of(new Header("Content-Type", "text/plain; charset=utf-8")))
            .toFrame(id, false));
    link.send(new Frame(FrameType.DATA, Flags.END_STREAM, id, ByteBuffer.wrap(body)));
    finish();
  }

  private void finish() {
    if (over.compareAndSet(false, true)) {
      link.finished(id, this);
    }
  }

  @Override
  public void abort() {
    over.set(true);
    download.cancel();
    Request current = exchange;
    if (current != null) {
      current.abort(new CancellationException("the client went away"));
    }
    link.finished(id, this);
  }

  /** Server-side windows grow to four initial windows; the relay enforces the real budget. */
  static ReceiveWindow growing(StreamContext link) {
    return new ReceiveWindow(link.initialWindow(), 4 * link.initialWindow(), bytes -> true);
  }

  private static String trimSlash(String base) {
    return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
  }
}
