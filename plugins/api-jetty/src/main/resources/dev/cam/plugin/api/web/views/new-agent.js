// Start an agent: tool, context or directory, prompt, options; lands on its detail page.
import { h, replace } from '../dom.js';
import { api } from '../api.js';

// Offered while the server's list is unknown, and when the server has no tools route (an older one).
const SUGGESTED = ['claude', 'codex', 'aider', 'gemini'];

function label(t) {
  const name = t.version ? `${t.name} ${t.version}` : t.name;
  return t.enabled === false ? `${name} (disabled)` : name;
}

export function newAgent(view) {
  let tool = h('input', { id: 'new-tool', required: true, value: 'claude', list: 'tools' });
  const toolHint = h('p', { class: 'hint muted', id: 'new-tool-hint' });
  const context = h('select', { id: 'new-context' }, h('option', { value: '' }, '(none: use a directory)'));
  const cwd = h('input', { id: 'new-cwd', placeholder: '/path/to/project' });
  const prompt = h('textarea', { id: 'new-prompt', rows: 4 });
  const timeout = h('input', { id: 'new-timeout', placeholder: 'e.g. 30m' });
  const auto = h('input', { id: 'new-auto', type: 'checkbox', checked: true });
  const message = h('p', { class: 'message', role: 'alert' });

  async function start(e) {
    e.preventDefault();
    const body = { tool: tool.value.trim(), prompt: prompt.value, auto_confirm: auto.checked };
    if (context.value) body.context = context.value;
    else if (cwd.value.trim()) body.cwd = cwd.value.trim();
    if (timeout.value.trim()) body.timeout = timeout.value.trim();
    message.textContent = 'Starting…';
    try {
      const agent = await api.run(body);
      location.hash = `#/agents/${encodeURIComponent(agent.id)}`;
    } catch (err) {
      message.className = 'message error';
      message.textContent = err.message;
    }
  }

  /**
   * The server's tools (plugins' adapters, then rules files') become a list to pick from; a tool
   * its settings disable is shown but cannot be picked. None at all keeps the free field.
   */
  function offer(tools) {
    const usable = tools.filter((t) => t.enabled !== false);
    if (!usable.length) {
      toolHint.textContent = tools.length
        ? "Every tool is disabled in this server's settings ([tools.<id>] enabled = false)."
        : 'This server has no tool adapters loaded: check its plugins (cam doctor).';
      return;
    }
    const wanted = tool.value.trim();
    const chosen = usable.some((t) => t.id === wanted) ? wanted : usable[0].id;
    const select = h('select', { id: 'new-tool', required: true, onchange: () => follow(tools, select.value) },
      tools.map((t) => h('option', { value: t.id, selected: t.id === chosen, disabled: t.enabled === false },
        label(t))));
    tool.replaceWith(select);
    tool = select;
    toolHint.textContent = '';
    follow(tools, chosen);
  }

  /** A tool's own auto_confirm setting becomes the checkbox's default; null leaves it as it is. */
  function follow(tools, id) {
    const picked = tools.find((t) => t.id === id);
    if (picked && typeof picked.auto_confirm === 'boolean') auto.checked = picked.auto_confirm;
  }

  const form = h('form', { class: 'settings', id: 'new-form', onsubmit: start },
      h('label', { for: 'new-tool' }, 'Tool'), tool, toolHint,
      h('datalist', { id: 'tools' }, SUGGESTED.map((t) => h('option', { value: t }))),
      h('label', { for: 'new-context' }, 'Context'), context,
      h('label', { for: 'new-cwd' }, 'Directory'), cwd,
      h('label', { for: 'new-prompt' }, 'Prompt'), prompt,
      h('label', { for: 'new-timeout' }, 'Timeout'), timeout,
      h('label', { class: 'check' }, auto, ' Answer permission prompts automatically'),
      h('button', { type: 'submit' }, 'Start'), message);
  replace(view, h('h1', {}, 'New agent'), form);
  // tells a watcher (and the browser tests) where the tool list came from
  form.dataset.tools = 'asking';
  api.tools().then((answer) => {
    offer(answer.tools);
    form.dataset.tools = 'server';
  }).catch(() => {
    // an older server (404) or a failed request: the suggestions stay, any tool id can be typed
    form.dataset.tools = 'suggested';
  });
  api.contexts().then((answer) => {
    for (const c of answer.contexts) context.append(h('option', { value: c.name }, c.name));
  }).catch(() => {});
  return {};
}
