import { api } from '../../api.js';
import { token } from '../../auth.js';
import { html } from '../../html.js';
import { formatDateTime, lang, t } from '../../i18n.js';
import { errorView, LivePage } from '../common.js';
import { ACTIONS } from '../people/messages.js';

const PAGE_SIZE = 50;

function actionName(action) {
  const key = `action.${action}`;
  const text = t(key);
  return text === key ? action : text;
}

function value(v) {
  if (v === undefined || v === null) return t('audit.none');
  if (Array.isArray(v) && v.every(item => typeof item === 'string')) return v.join(', ') || t('audit.none');
  return typeof v === 'string' ? v : JSON.stringify(v);
}

/** {before, after}: one row per key that differs (the whole value when either side is not an object). */
function beforeAfter(diff) {
  const before = diff.before ?? null;
  const after = diff.after ?? null;
  const objects = [before, after].every(v => v === null || (typeof v === 'object' && !Array.isArray(v)));
  const keys = objects ? [...new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])] : [''];
  const rows = keys
    .map(key => ({ key, from: key ? before?.[key] : before, to: key ? after?.[key] : after }))
    .filter(row => JSON.stringify(row.from) !== JSON.stringify(row.to));
  return html`
    <table class="audit-diff">
      <thead><tr><th scope="col">${t('audit.field')}</th><th scope="col">${t('audit.before')}</th>
        <th scope="col">${t('audit.after')}</th></tr></thead>
      <tbody>${rows.map(row => html`
        <tr><th scope="row">${row.key}</th><td class="diff-old">${value(row.from)}</td>
          <td class="diff-new">${value(row.to)}</td></tr>`)}</tbody>
    </table>`;
}

/** {parts, patch}: the parts, then each operation as "changed /teams/0/members: [...]". */
function patch(diff) {
  const ops = diff.patch ?? [];
  return html`
    <p>${t('audit.parts', { parts: (diff.parts ?? []).join(', ') || t('audit.none') })}
      · ${t('audit.ops', { n: ops.length })}</p>
    <ul class="audit-ops">${ops.map(op => html`
      <li><span class="op op-${op.op}">${t(`audit.op.${op.op}`)}</span> <code>${op.path}</code>
        ${'value' in op ? html`<code class="diff-new">${value(op.value)}</code>` : ''}</li>`)}</ul>`;
}

function diffView(diff) {
  if (!diff || Object.keys(diff).length === 0) return '';
  const body = 'patch' in diff || 'parts' in diff ? patch(diff) : 'before' in diff || 'after' in diff
    ? beforeAfter(diff) : html`<pre>${JSON.stringify(diff, null, 2)}</pre>`;
  return html`<details class="audit-details"><summary>${t('audit.changes')}</summary>${body}</details>`;
}

/** Tenant admins: the audit log with filters, newest first, paged by cursor, and its CSV. */
class OrdenAudit extends LivePage {
  connectedCallback() {
    this.filters = { from: '', to: '', action: '', actor: '' };
    this.entries = null;
    this.people = [];
    this.nextCursor = null;
    this.error = null;
    super.connectedCallback();
  }

  query() {
    const params = new URLSearchParams();
    Object.entries(this.filters).forEach(([k, v]) => { if (v) params.set(k, v); });
    return params;
  }

  async load(more = false) {
    try {
      const params = this.query();
      params.set('limit', PAGE_SIZE);
      if (more) params.set('cursor', this.nextCursor);
      const [page, people] = await Promise.all([api(`/admin/audit?${params}`),
        this.people.length ? this.people : api('/members/accounts')]);
      this.entries = more ? [...this.entries, ...page.items] : page.items;
      this.nextCursor = page.nextCursor;
      this.people = people;
      this.error = null;
    } catch (error) {
      this.error = error;
    }
    this.render();
  }

  changed() {}

  async download() {
    const response = await fetch(`/api/v1/admin/audit?${this.query()}`, {
      headers: { Accept: 'text/csv', 'Accept-Language': lang(), Authorization: `Bearer ${await token()}` },
    });
    if (!response.ok) return;
    const url = URL.createObjectURL(await response.blob());
    const link = document.createElement('a');
    link.href = url;
    link.download = 'orden-audit.csv';
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10000);
  }

  render() {
    document.title = `${t('audit.title')} · Orden`;
    if (this.error) {
      this.innerHTML = errorView(this.error).toString();
      this.querySelector('[data-retry]')?.addEventListener('click', () => this.load());
      return;
    }
    const f = this.filters;
    this.innerHTML = html`
      <h1>${t('audit.title')}</h1>
      <form class="audit-filters" data-filters aria-label="${t('audit.filters')}">
        <div class="field"><label for="audit-from">${t('audit.from')}</label>
          <input id="audit-from" name="from" type="date" value="${f.from}"></div>
        <div class="field"><label for="audit-to">${t('audit.to')}</label>
          <input id="audit-to" name="to" type="date" value="${f.to}"></div>
        <div class="field"><label for="audit-action">${t('audit.action')}</label>
          <select id="audit-action" name="action"><option value="">${t('audit.any')}</option>
            ${ACTIONS.map(a => html`
              <option value="${a}" ${f.action === a ? 'selected' : ''}>${actionName(a)}</option>`)}
          </select></div>
        <div class="field"><label for="audit-actor">${t('audit.actor')}</label>
          <select id="audit-actor" name="actor"><option value="">${t('audit.any')}</option>
            ${this.people.map(p => html`
              <option value="${p.id}" ${f.actor === p.id ? 'selected' : ''}>${p.name}</option>`)}
            <option value="system" ${f.actor === 'system' ? 'selected' : ''}>${t('system')}</option>
          </select></div>
        <div class="audit-buttons">
          <button type="submit" class="button">${t('audit.apply')}</button>
          <button type="button" class="button-quiet" data-csv>${t('audit.csv')}</button>
        </div>
      </form>
      ${this.entries === null ? html`<p class="muted" role="status">${t('loading')}</p>`
        : this.entries.length === 0 ? html`<p class="empty">${t('audit.empty')}</p>` : html`
        <ol class="audit-list">${this.entries.map(e => html`
          <li class="audit-entry" data-action="${e.action}" data-target="${e.targetId ?? ''}">
            <div class="audit-head">
              <span class="audit-action">${actionName(e.action)}</span>
              <span class="audit-target">${e.targetName ?? e.targetId ?? ''}</span>
              <time class="muted" datetime="${e.at}">${formatDateTime(e.at)}</time>
            </div>
            <p class="audit-who muted">${e.actorName ?? e.actorId}</p>
            ${e.summary ? html`<p class="audit-summary">${e.summary}</p>` : ''}
            ${diffView(e.diff)}
          </li>`)}
        </ol>`}
      ${this.nextCursor ? html`<button type="button" class="button" data-more>${t('audit.more')}</button>` : ''}`
      .toString();
    const form = this.querySelector('[data-filters]');
    form.addEventListener('submit', event => {
      event.preventDefault();
      this.filters = Object.fromEntries(['from', 'to', 'action', 'actor'].map(k => [k, form.elements[k].value]));
      this.entries = null;
      this.load();
    });
    this.querySelector('[data-csv]').addEventListener('click', () => this.download());
    this.querySelector('[data-more]')?.addEventListener('click', () => this.load(true));
  }
}

customElements.define('orden-audit', OrdenAudit);
