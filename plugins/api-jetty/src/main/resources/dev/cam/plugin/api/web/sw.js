// Caches the app shell only: never API answers, never the token. Network first, so a new
// server version is picked up at once; the cache answers only when the server is unreachable.
const CACHE = 'cam-shell-v2';
const SHELL = ['./', 'index.html', 'offline.html', 'styles.css', 'app.js', 'api.js', 'dom.js',
  'live.js', 'store.js', 'notify.js', 'term-input.js', 'term-styles.js', 'views/dashboard.js',
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
