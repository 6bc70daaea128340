// Talks to CAM's REST API. The token travels only in the Authorization header, never in a URL.
const KEYS = { server: 'cam.server', token: 'cam.token', theme: 'cam.theme', notify: 'cam.notify', push: 'cam.push' };

export const settings = {
  get server() { return localStorage.getItem(KEYS.server) || ''; },
  get token() { return localStorage.getItem(KEYS.token) || ''; },
  get theme() { return localStorage.getItem(KEYS.theme) || 'system'; },
  get notify() { return localStorage.getItem(KEYS.notify) === 'on'; },
  get push() { return localStorage.getItem(KEYS.push) === 'on'; },
  save({ server, token, theme, notify, push }) {
    localStorage.setItem(KEYS.server, (server || '').trim());
    localStorage.setItem(KEYS.token, (token || '').trim());
    localStorage.setItem(KEYS.theme, theme || 'system');
    if (notify !== undefined) localStorage.setItem(KEYS.notify, notify ? 'on' : 'off');
    if (push !== undefined) localStorage.setItem(KEYS.push, push ? 'on' : 'off');
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

/** A JSON body is sent as JSON; with another {@code type} the body is a string sent as it is. */
export async function call(method, path, body, token = settings.token, type = 'application/json') {
  const headers = { Accept: 'application/json' };
  if (token) headers.Authorization = `Bearer ${token}`;
  if (body !== undefined) headers['Content-Type'] = type;
  const payload = body === undefined || type !== 'application/json' ? body : JSON.stringify(body);
  let response;
  try {
    response = await fetch(new URL(path, base()), {
      method, headers, body: payload,
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
  /** The task file as it is; format, context, dir, parallel, name and dry_run as query parameters. */
  applyTasks: (text, params) => call('POST', `api/tasks/apply?${new URLSearchParams(params)}`, text,
    settings.token, `application/${params.format}`),
  graphs: () => call('GET', 'api/tasks?limit=20'),
  tasks: (id) => call('GET', `api/tasks/${encodeURIComponent(id)}`),
  contexts: () => call('GET', 'api/contexts'),
  tools: () => call('GET', 'api/tools'),
  pushKey: () => call('GET', 'api/push/key'),
  pushSubscribe: (subscription) => call('POST', 'api/push/subscriptions', subscription),
  pushUnsubscribe: (body) => call('DELETE', 'api/push/subscriptions', body),
  health: (token) => call('GET', 'api/system/health', undefined, token),
};
