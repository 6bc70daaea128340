// Caches the app shell only: never API answers, never the token. Network first, so a new
// server version is picked up at once; the cache answers only when the server is unreachable.
const CACHE = 'cam-shell-v3';
const SHELL = ['./', 'index.html', 'offline.html', 'styles.css', 'app.js', 'api.js', 'dom.js',
  'live.js', 'store.js', 'notify.js', 'push.js', 'term-input.js', 'term-styles.js', 'views/dashboard.js',
  'views/detail.js', 'views/settings.js', 'views/new-agent.js', 'views/terminal.js', 'views/logs.js',
  'views/tasks.js', 'manifest.webmanifest', 'icon.svg', 'icon-192.png'];

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(SHELL)).then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(caches.keys()
    .then((keys) => Promise.all(keys.filter((k) => k !== CACHE).map((k) => caches.delete(k))))
    .then(() => self.clients.claim()));
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  const scope = new URL(self.registration.scope);
  if (request.method !== 'GET' || url.origin !== scope.origin) return;
  if (url.pathname.startsWith(new URL('api/', scope).pathname)) return;
  event.respondWith(fetch(request).catch(async () => {
    // A page with no server behind it is of no use: say so, rather than show a stale app.
    if (request.mode === 'navigate') return caches.match('offline.html');
    const cached = await caches.match(request, { ignoreSearch: true });
    return cached || Response.error();
  }));
});

// Web Push: the server sends only the agent's id, name, tool and new status (see push.js).
const WORTH = { completed: 'finished', failed: 'failed', timeout: 'timed out', waiting: 'waits for input' };

self.addEventListener('push', (event) => {
  let data = {};
  try {
    data = event.data ? event.data.json() : {};
  } catch (e) {
    data = {};
  }
  const id = String(data.agent_id || '');
  const who = data.name || `${data.tool || 'agent'} ${id.slice(0, 8)}`;
  event.waitUntil(self.registration.showNotification(`${who} ${WORTH[data.status] || data.status || 'changed'}`, {
    tag: `cam-${id}`, icon: 'icon-192.png', data: { agent_id: id },
  }));
});

self.addEventListener('notificationclick', (event) => {
  event.notification.close();
  const id = event.notification.data && event.notification.data.agent_id;
  const url = new URL(id ? `./#/agents/${encodeURIComponent(id)}` : './', self.registration.scope).href;
  event.waitUntil(self.clients.matchAll({ type: 'window', includeUncontrolled: true }).then((open) => {
    const tab = open.find((c) => c.url.startsWith(self.registration.scope));
    if (!tab) return self.clients.openWindow(url);
    // navigate() works on tabs this worker controls only; another one gets a new window
    return tab.focus().then((focused) => focused.navigate(url)).catch(() => self.clients.openWindow(url));
  }));
});
