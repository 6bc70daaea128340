// Task graphs: upload one (as 'cam apply -f' reads it) and watch its progress level by level.
import { h, replace, elapsed } from '../dom.js';
import { api } from '../api.js';

const FORMATS = { yaml: 'yaml', yml: 'yaml', toml: 'toml', json: 'json' };

export function tasksView(view, id) {
  return id ? progress(view, id) : upload(view);
}

function upload(view) {
  const file = h('input', { id: 'tasks-file', type: 'file', accept: '.yaml,.yml,.toml,.json' });
  const text = h('textarea', { id: 'tasks-text', rows: 10, spellcheck: 'false', required: true,
    placeholder: 'version: 1\ndefaults: {tool: claude}\ntasks:\n  - name: schema\n    prompt: design the schema' });
  const format = h('select', { id: 'tasks-format' }, ['yaml', 'toml', 'json'].map((f) => h('option', { value: f }, f)));
  const context = h('select', { id: 'tasks-context' }, h('option', { value: '' }, '(from the file)'));
  const dir = h('input', { id: 'tasks-dir', placeholder: '/path/on/the/server' });
  const parallel = h('input', { id: 'tasks-parallel', type: 'number', min: 1, max: 64, value: 4 });
  const message = h('p', { class: 'message', role: 'alert', id: 'tasks-message' });
  const plan = h('ol', { class: 'plan', id: 'tasks-plan' });
  const recent = h('ul', { class: 'graphs', id: 'graphs' });
  let name = '';

  file.addEventListener('change', async () => {
    const chosen = file.files[0];
    if (!chosen) return;
    name = chosen.name;
    format.value = FORMATS[chosen.name.split('.').pop().toLowerCase()] || format.value;
    text.value = await chosen.text();
  });

  function params(dryRun) {
    const p = { format: format.value, parallel: Number(parallel.value) || 4 };
    if (name) p.name = name;
    if (context.value) p.context = context.value;
    if (dir.value.trim()) p.dir = dir.value.trim();
    if (dryRun) p.dry_run = 'true';
    return p;
  }

  async function send(dryRun) {
    message.className = 'message';
    message.textContent = dryRun ? 'Checking…' : 'Applying…';
    replace(plan);
    try {
      const answer = await api.applyTasks(text.value, params(dryRun));
      if (!dryRun) {
        location.hash = `#/tasks/${encodeURIComponent(answer.id)}`;
        return;
      }
      message.textContent = `${answer.name}: ${answer.levels.flat().length} tasks in ${answer.levels.length} levels`;
      replace(plan, answer.levels.map((level, i) => h('li', {}, `Level ${i}: ${level.join(', ')}`)));
    } catch (err) {
      message.className = 'message error';
      message.textContent = err.message;
    }
  }

  replace(view, h('h1', {}, 'Task graph'),
    h('form', { class: 'settings', id: 'tasks-form', onsubmit: (e) => { e.preventDefault(); send(false); } },
      h('label', { for: 'tasks-file' }, 'File'), file,
      h('label', { for: 'tasks-text' }, 'Or paste it'), text,
      h('label', { for: 'tasks-format' }, 'Format'), format,
      h('label', { for: 'tasks-context' }, 'Context for tasks that name none'), context,
      h('label', { for: 'tasks-dir' }, 'Or a directory on the server'), dir,
      h('label', { for: 'tasks-parallel' }, 'Tasks at once'), parallel,
      h('div', { class: 'actions' },
        h('button', { type: 'button', id: 'tasks-check', onclick: () => send(true) }, 'Check'),
        h('button', { type: 'submit', id: 'tasks-apply' }, 'Apply')),
      message, plan),
    h('h2', {}, 'Recent graphs'), recent);
  api.contexts().then((answer) => {
    for (const c of answer.contexts) context.append(h('option', { value: c.name }, c.name));
  }).catch(() => {});
  api.graphs().then((answer) => replace(recent, answer.tasks.length ? answer.tasks.map((g) =>
    h('li', {}, h('a', { href: `#/tasks/${encodeURIComponent(g.id)}` },
      h('span', { class: `badge status-${g.status}` }, g.status), ' ', g.name, ' ',
      h('span', { class: 'muted' }, g.created_at ? new Date(g.created_at).toLocaleString() : ''))))
    : h('li', { class: 'muted' }, 'None yet.')))
    .catch((e) => replace(recent, h('li', { class: 'muted' }, e.message)));
  return {};
}

function progress(view, id) {
  const head = h('section', { class: 'detail-head', id: 'graph-head' });
  const levelsBox = h('div', { class: 'levels', id: 'graph-levels' });
  replace(view, head, levelsBox);
  let timer = null;
  let left = false;
  let running = true;

  async function refresh() {
    try {
      const graph = await api.tasks(id);
      if (left) return;
      running = graph.status === 'running';
      show(graph);
    } catch (e) {
      replace(head, h('p', { class: 'error', role: 'alert' }, e.message));
    }
  }

  function show(graph) {
    const done = graph.tasks.filter((t) => t.status === 'completed').length;
    replace(head,
      h('h1', {}, h('span', { class: `badge status-${graph.status}`, id: 'graph-status' }, graph.status), ' ', graph.name),
      h('p', { class: 'muted', id: 'graph-count' },
        `${done} of ${graph.tasks.length} tasks completed · ${elapsed(graph.created_at, graph.finished_at)}`));
    replace(levelsBox, levels(graph.tasks).map((level, i) =>
      h('section', { class: 'level' }, h('h2', {}, `Level ${i}`),
        h('ul', { class: 'agents' }, level.map(task)))));
  }

  const soon = () => { clearTimeout(timer); timer = setTimeout(refresh, 300); };
  const backstop = setInterval(() => { if (running && !document.hidden) refresh(); }, 5000);
  refresh();
  return {
    frame: (f) => { if (f.type === 'event') soon(); },
    leave: () => { left = true; clearTimeout(timer); clearInterval(backstop); },
  };
}

function task(t) {
  const name = h('strong', { class: 'name' }, t.name);
  return h('li', { class: 'agent task', dataset: { task: t.name, status: t.status } },
    h(t.agent_id ? 'a' : 'div', t.agent_id ? { href: `#/agents/${encodeURIComponent(t.agent_id)}` } : {},
      h('div', { class: 'line' }, h('span', { class: `badge status-${t.status}` }, t.status), name,
        t.agent_status && t.agent_status !== t.status ? h('span', { class: 'state' }, `agent ${t.agent_status}`) : null,
        h('span', { class: 'elapsed' }, elapsed(t.started_at, t.finished_at))),
      h('div', { class: 'meta muted' }, t.depends_on.length ? `after ${t.depends_on.join(', ')}` : 'no dependencies'),
      t.reason ? h('div', { class: 'last' }, t.reason) : null));
}

/** The tasks by level: level 0 depends on nothing, level n on tasks of lower levels. */
export function levels(tasks) {
  const level = new Map();
  const byName = new Map(tasks.map((t) => [t.name, t]));
  const depth = (t, seen = new Set()) => {
    if (level.has(t.name)) return level.get(t.name);
    if (seen.has(t.name)) return 0;
    seen.add(t.name);
    const d = Math.max(-1, ...t.depends_on.map((n) => (byName.has(n) ? depth(byName.get(n), seen) : -1))) + 1;
    level.set(t.name, d);
    return d;
  };
  const result = [];
  for (const t of tasks) (result[depth(t)] ||= []).push(t);
  return result.filter(Boolean);
}
