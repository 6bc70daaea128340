package dev.cam.platform.agent.support;

import dev.cam.api.ConnectionReport;
import dev.cam.api.Machine;
import dev.cam.api.Screen;
import dev.cam.api.SessionRef;
import dev.cam.api.SessionSpec;
import dev.cam.api.Subscription;
import dev.cam.api.Transport;
import dev.cam.api.TransportException;
import java.util.List;

/**
 * A transport that cannot report activity, so monitors poll it: everything else is delegated. It
 * can be {@linkplain #cut cut} off like a lost SSH connection: captures and checks then fail with a
 * {@link TransportException} until it is restored.
 */
public final class PollingTransport implements Transport {
  private final Transport delegate;
  private volatile boolean cut;

  public PollingTransport(Transport delegate) {
    this.delegate = delegate;
  }

  @Override
  public String id() {
    return delegate.id();
  }

  @Override
  public boolean supports(Machine machine) {
    return delegate.supports(machine);
  }

  @Override
  public SessionRef create(SessionSpec spec) {
    return delegate.create(spec);
  }

  @Override
  public void sendText(SessionRef session, String text) {
    delegate.sendText(session, text);
  }

  @Override
  public void sendKeys(SessionRef session, List<String> keys) {
    delegate.sendKeys(session, keys);
  }

  /** Fails captures and checks from now on (or no longer), like a cut connection. */
  public void cut(boolean off) {
    cut = off;
  }

  @Override
  public Screen capture(SessionRef session, int scrollback, boolean keepAnsi) {
    reachable();
    return delegate.capture(session, scrollback, keepAnsi);
  }

  private void reachable() {
    if (cut) {
      throw new TransportException("the connection was cut (injected by the test)");
    }
  }

  @Override
  public boolean isAlive(SessionRef session) {
    reachable();
    return delegate.isAlive(session);
  }

  @Override
  public void kill(SessionRef session) {
    delegate.kill(session);
  }

  @Override
  public List<SessionRef> list(Machine machine) {
    return delegate.list(machine);
  }

  @Override
  public List<String> attachCommand(SessionRef session) {
    return delegate.attachCommand(session);
  }

  @Override
  public ConnectionReport test(Machine machine) {
    return delegate.test(machine);
  }

  @Override
  public Subscription watch(SessionRef session, Runnable onActivity) {
    return null;
  }

  @Override
  public void close() {
    delegate.close();
  }
}
