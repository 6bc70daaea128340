// The app shell: hash router, theme, live connection banner, service worker.
import { settings } from './api.js';
import { Live } from './live.js';
import { AgentStore } from './store.js';
import { dashboard } from './views/dashboard.js';
import { detail } from './views/detail.js';
import { settingsView } from './views/settings.js';
import { newAgent } from './views/new-agent.js';

const view = document.getElementById('view');
const banner = document.getElementById('banner');
const store = new AgentStore();
const live = new Live((frame) => { store.frame(frame); current.frame?.(frame); }, connection);
let current = {};

export function applyTheme() {
  const theme = settings.theme;
  if (theme === 'system') delete document.documentElement.dataset.theme;
  else document.documentElement.dataset.theme = theme;
}

function connection(up, reason) {
  banner.hidden = up;
  banner.textContent = up ? '' : `Disconnected from the server${reason ? ` (${reason})` : ''} – reconnecting…`;
  if (up && store.loaded) store.load().catch(() => {});
}

const routes = [
  [/^#?\/?$/, 'dashboard', () => dashboard(view, store)],
  [/^#\/agents\/([^/]+)$/, 'dashboard', (m) => detail(view, store, decodeURIComponent(m[1]))],
  [/^#\/new$/, 'new', () => newAgent(view)],
  [/^#\/settings$/, 'settings', () => settingsView(view, { onSaved: loggedIn, applyTheme })],
];

function route() {
  current.leave?.();
  current = {};
  if (!settings.token && location.hash !== '#/settings') {
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
  live.start();
  location.hash = '#/';
}

applyTheme();
window.addEventListener('hashchange', route);
if (settings.token) live.start();
route();
if ('serviceWorker' in navigator) {
  navigator.serviceWorker.register('sw.js').catch(() => {});
}
