// Talks to CAM's REST API. The token travels only in the Authorization header, never in a URL.
const KEYS = { server: 'cam.server', token: 'cam.token', theme: 'cam.theme', notify: 'cam.notify' };

export const settings = {
  get server() { return localStorage.getItem(KEYS.server) || ''; },
  get token() { return localStorage.getItem(KEYS.token) || ''; },
  get theme() { return localStorage.getItem(KEYS.theme) || 'system'; },
  get notify() { return localStorage.getItem(KEYS.notify) === 'on'; },
  save({ server, token, theme, notify }) {
    localStorage.setItem(KEYS.server, (server || '').trim());
    localStorage.setItem(KEYS.token, (token || '').trim());
    localStorage.setItem(KEYS.theme, theme || 'system');
    if (notify !== undefined) localStorage.setItem(KEYS.notify, notify ? 'on' : 'off');
  },
};

/** The API's base: the configured server, or the folder this page is served from (relay prefix). */
export function base() {
  const server = settings.server;
  if (server) return new URL(server.endsWith('/') ? server : server + '/', location.href);
  return new URL('./', location.href);
}

export class ApiError extends Error {
  constructor(status, detail) {
    super(detail);
    this.status = status;
  }
}

export async function call(method, path, body, token = settings.token) {
  const headers = { Accept: 'application/json' };
  if (token) headers.Authorization = `Bearer ${token}`;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  let response;
  try {
    response = await fetch(new URL(path, base()), {
      method, headers, body: body === undefined ? undefined : JSON.stringify(body),
      cache: 'no-store', credentials: 'omit',
    });
  } catch (e) {
    throw new ApiError(0, `the server at ${base().href} cannot be reached: check that 'cam serve' runs and the server URL in Settings`);
  }
  if (response.status === 204) return null;
  const text = await response.text();
  const data = text ? JSON.parse(text) : null;
  if (!response.ok) {
    throw new ApiError(response.status, (data && data.detail) || `${response.status} ${response.statusText}`);
  }
  return data;
}

export const api = {
  agents: () => call('GET', 'api/agents?limit=1000'),
  agent: (id) => call('GET', `api/agents/${encodeURIComponent(id)}`),
  logs: (id, tail = 200) => call('GET', `api/agents/${encodeURIComponent(id)}/logs?tail=${tail}`),
  logsSince: (id, since) => call('GET', `api/agents/${encodeURIComponent(id)}/logs?since=${since}`),
  output: (id) => call('GET', `api/agents/${encodeURIComponent(id)}/output?lines=0`),
  input: (id, body) => call('POST', `api/agents/${encodeURIComponent(id)}/input`, body),
  stop: (id, mode) => call('DELETE', `api/agents/${encodeURIComponent(id)}?mode=${mode}`),
  retry: (id) => call('POST', `api/agents/${encodeURIComponent(id)}/retry`),
  run: (body) => call('POST', 'api/agents', body),
  applyTasks: (body) => call('POST', 'api/tasks/apply', body),
  graphs: () => call('GET', 'api/tasks?limit=20'),
  tasks: (id) => call('GET', `api/tasks/${encodeURIComponent(id)}`),
  contexts: () => call('GET', 'api/contexts'),
  health: (token) => call('GET', 'api/system/health', undefined, token),
};
