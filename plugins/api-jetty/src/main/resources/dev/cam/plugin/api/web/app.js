// The app shell: hash router, theme, live connection banner, service worker.
import { settings } from './api.js';
import { Live } from './live.js';
import { AgentStore } from './store.js';
import { dashboard } from './views/dashboard.js';
import { detail } from './views/detail.js';
import { settingsView } from './views/settings.js';
import { newAgent } from './views/new-agent.js';
import { terminal } from './views/terminal.js';
import { logs } from './views/logs.js';
import { tasksView } from './views/tasks.js';
import { notifier } from './notify.js';
import { renewPush } from './push.js';

const view = document.getElementById('view');
const banner = document.getElementById('banner');
const store = new AgentStore();
const notify = notifier(store);
const live = new Live((frame) => { store.frame(frame); notify(frame); current.frame?.(frame); }, connection);
let current = {};

export function applyTheme() {
  const theme = settings.theme;
  if (theme === 'system') delete document.documentElement.dataset.theme;
  else document.documentElement.dataset.theme = theme;
}

function connection(up, reason) {
  // Tells a watcher (and the browser tests) when live events flow, which the banner alone cannot.
  document.body.dataset.live = up ? 'up' : 'down';
  banner.hidden = up;
  banner.textContent = up ? '' : `Disconnected from the server${reason ? ` (${reason})` : ''} – reconnecting…`;
  // Events stored before the socket was ready are not replayed to a first connection, so a list
  // fetched (or still being fetched) before then is fetched again.
  if (up && store.asked) store.load().catch(() => {});
}

const routes = [
  [/^#?\/?$/, 'dashboard', () => dashboard(view, store)],
  [/^#\/agents\/([^/]+)$/, 'dashboard', (m) => detail(view, store, decodeURIComponent(m[1]))],
  [/^#\/agents\/([^/]+)\/terminal$/, 'dashboard', (m) => terminal(view, decodeURIComponent(m[1]))],
  [/^#\/agents\/([^/]+)\/log$/, 'dashboard', (m) => logs(view, decodeURIComponent(m[1]))],
  [/^#\/new$/, 'new', () => newAgent(view)],
  [/^#\/tasks(?:\/([^/]+))?$/, 'tasks', (m) => tasksView(view, m[1] && decodeURIComponent(m[1]))],
  [/^#\/settings$/, 'settings', () => settingsView(view, { onSaved: loggedIn, applyTheme })],
  [/^#\/pair\?(.*)$/, 'settings', (m) => pair(new URLSearchParams(m[1]))],
];

/**
 * A pairing link printed by 'cam serve' (#/pair?server=…&token=…): fills Settings and checks the
 * token at once. The link leaves the address bar and the history, so the token is not kept there.
 */
function pair(params) {
  history.replaceState(null, '', `${location.pathname}${location.search}#/settings`);
  const server = params.get('server') || '';
  const same = server && new URL(server, location.href).href === new URL('./', location.href).href;
  return settingsView(view, { onSaved: loggedIn, applyTheme,
    prefill: { server: same ? '' : server, token: params.get('token') || '' } });
}

function route() {
  current.leave?.();
  current = {};
  if (!settings.token && location.hash !== '#/settings' && !location.hash.startsWith('#/pair?')) {
    location.hash = '#/settings';
    return;
  }
  const hash = location.hash || '#/';
  for (const [pattern, nav, show] of routes) {
    const match = hash.match(pattern);
    if (match) {
      for (const link of document.querySelectorAll('[data-nav]')) {
        link.toggleAttribute('aria-current', link.dataset.nav === nav);
      }
      current = show(match) || {};
      return;
    }
  }
  location.hash = '#/';
}

function loggedIn() {
  live.stop();
  store.loaded = false;
  live.lastSeq = 0;
  document.body.dataset.live = 'connecting';
  live.start();
  location.hash = '#/';
}

applyTheme();
window.addEventListener('hashchange', route);
if (settings.token) {
  document.body.dataset.live = 'connecting';
  live.start();
}
route();
if ('serviceWorker' in navigator) {
  navigator.serviceWorker.register('sw.js').catch(() => {});
  if (settings.token) renewPush().then((renewed) => { document.body.dataset.push = renewed ? 'renewed' : 'off'; });
}
