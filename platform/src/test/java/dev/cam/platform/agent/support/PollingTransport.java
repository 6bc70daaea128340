package dev.cam.platform.agent.support;

import dev.cam.api.ConnectionReport;
import dev.cam.api.Machine;
import dev.cam.api.Screen;
import dev.cam.api.SessionRef;
import dev.cam.api.SessionSpec;
import dev.cam.api.Subscription;
import dev.cam.api.Transport;
import java.util.List;

/** A transport that cannot report activity, so monitors poll it: everything else is delegated. */
public final class PollingTransport implements Transport {
  private final Transport delegate;

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

  @Override
  public Screen capture(SessionRef session, int scrollback, boolean keepAnsi) {
    return delegate.capture(session, scrollback, keepAnsi);
  }

  @Override
  public boolean isAlive(SessionRef session) {
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
