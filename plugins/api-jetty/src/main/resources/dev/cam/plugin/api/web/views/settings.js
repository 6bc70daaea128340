// Server URL and token, kept in this browser; the token is checked against the server first.
import { h, replace } from '../dom.js';
import { settings, call } from '../api.js';
import { allow, supported } from '../notify.js';
import { pushOn, pushOff, pushSupported } from '../push.js';

export function settingsView(view, { onSaved, applyTheme, prefill }) {
  const server = h('input', { id: 'server', type: 'url', value: prefill ? prefill.server : settings.server,
    placeholder: 'same as this page', autocomplete: 'url' });
  const token = h('input', { id: 'token', type: 'password', value: prefill ? prefill.token : settings.token,
    autocomplete: 'current-password', required: true });
  const notify = h('input', { id: 'notify', type: 'checkbox', checked: settings.notify, disabled: !supported() });
  const push = h('input', { id: 'push', type: 'checkbox', checked: settings.push, disabled: !pushSupported() });
  const theme = h('select', { id: 'theme' }, ['system', 'dark', 'light'].map((t) =>
    h('option', { value: t, selected: t === settings.theme }, t)));
  const message = h('p', { id: 'settings-message', role: 'alert', class: 'message' });

  async function save(e) {
    e.preventDefault();
    message.className = 'message';
    message.textContent = 'Checking…';
    const previous = { server: settings.server, token: settings.token, theme: settings.theme };
    settings.save({ server: server.value, token: previous.token, theme: theme.value });
    try {
      await call('GET', 'api/agents?limit=1', undefined, token.value.trim());
    } catch (err) {
      settings.save(previous);
      message.className = 'message error';
      message.textContent = err.status === 401 ? `Token refused: ${err.message}` : err.message;
      return;
    }
    const blocked = notify.checked && !(await allow());
    if (blocked) notify.checked = false;
    settings.save({ server: server.value, token: token.value, theme: theme.value, notify: notify.checked });
    applyTheme();
    if (blocked) {
      message.textContent = 'Saved, but the browser blocked notifications: allow them for this site, then turn them on again.';
      return;
    }
    const pushProblem = await switchPush();
    if (pushProblem) {
      message.className = 'message error';
      message.textContent = `Saved, but push is still ${settings.push ? 'on' : 'off'}: ${pushProblem}`;
      return;
    }
    message.textContent = 'Saved.';
    onSaved();
  }

  /** Subscribes or unsubscribes when the switch changed; what went wrong, or an empty text. */
  async function switchPush() {
    if (push.checked === settings.push) return '';
    try {
      if (push.checked) await pushOn();
      else await pushOff();
      settings.save({ server: settings.server, token: settings.token, theme: settings.theme, push: push.checked });
      return '';
    } catch (err) {
      push.checked = settings.push;
      return err.message;
    }
  }

  const form = h('form', { class: 'settings', id: 'settings-form', onsubmit: save },
    h('label', { for: 'server' }, 'Server URL'), server,
    h('p', { class: 'hint muted' }, 'Leave empty to use the server this page came from.'),
    h('label', { for: 'token' }, 'Token'), token,
    h('p', { class: 'hint muted' }, "Run 'cam config get server.token' on the server."),
    h('label', { for: 'theme' }, 'Theme'), theme,
    h('label', { class: 'check' }, notify, ' Notify me when an agent finishes, fails or waits for input'),
    h('p', { class: 'hint muted', id: 'notify-hint' }, supported()
      ? 'While this page is open; the browser asks for permission once.'
      : 'This browser does not offer notifications.'),
    h('label', { class: 'check' }, push, ' Also when this app is closed (Web Push)'),
    h('p', { class: 'hint muted', id: 'push-hint' }, pushSupported()
      ? "Through this browser's push service; a message holds only the agent's id, name, tool and status."
      : window.isSecureContext
        ? 'This browser does not offer Web Push (on iPhone and iPad: add the app to the home screen first).'
        : 'Web Push needs https (or localhost): open the app through an https address such as the relay.'),
    h('button', { type: 'submit', id: 'save' }, 'Save'),
    message);
  replace(view, h('h1', {}, 'Settings'), form);
  if (prefill) {
    form.requestSubmit();
  } else if (!settings.token) {
    message.textContent = 'Enter the server token to begin.';
  }
  return {};
}
