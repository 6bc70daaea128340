// Start an agent: tool, context or directory, prompt, options; lands on its detail page.
import { h, replace } from '../dom.js';
import { api } from '../api.js';

export function newAgent(view) {
  const tool = h('input', { id: 'new-tool', required: true, value: 'claude', list: 'tools' });
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

  replace(view, h('h1', {}, 'New agent'),
    h('form', { class: 'settings', onsubmit: start },
      h('label', { for: 'new-tool' }, 'Tool'), tool,
      h('datalist', { id: 'tools' }, ['claude', 'codex', 'aider', 'gemini'].map((t) => h('option', { value: t }))),
      h('label', { for: 'new-context' }, 'Context'), context,
      h('label', { for: 'new-cwd' }, 'Directory'), cwd,
      h('label', { for: 'new-prompt' }, 'Prompt'), prompt,
      h('label', { for: 'new-timeout' }, 'Timeout'), timeout,
      h('label', { class: 'check' }, auto, ' Answer permission prompts automatically'),
      h('button', { type: 'submit' }, 'Start'), message));
  api.contexts().then((answer) => {
    for (const c of answer.contexts) context.append(h('option', { value: c.name }, c.name));
  }).catch(() => {});
  return {};
}
