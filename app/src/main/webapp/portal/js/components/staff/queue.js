import { api, ApiError } from '../../api.js';
import { html } from '../../html.js';
import { formatRelative, localName, t } from '../../i18n.js';
import { errorView, LivePage } from '../common.js';
import { clockLine, worstClock } from './sla.js';
import { learnStates, stateBadge, stateName } from './states.js';
import './messages.js';

const PAGE_SIZE = 25;
const ACTIVE = [['category', 'new'], ['category', 'open'], ['category', 'pending']];
/** Each queue as list parameters; every one shows open orders only. */
export const QUEUES = {
  unassigned: [['assignee', 'none'], ...ACTIVE],
  mine: [['assignee', 'me'], ...ACTIVE],
  teams: [['team', 'mine'], ...ACTIVE],
  overdue: [['sla', 'at-risk'], ...ACTIVE],
  all: ACTIVE,
};
const SORTS = ['-updatedAt', 'updatedAt', '-createdAt', 'createdAt', '-number', 'number'];
const PRIORITIES = ['LOW', 'NORMAL', 'HIGH', 'URGENT'];
const FILTER_KEYS = ['status', 'type', 'area', 'priority', 'q', 'sort'];
const CUSTOM_KEY = /^[A-Za-z][A-Za-z0-9_]{0,63}$/;

/**
 * The staff's queues: unassigned, mine, my teams, overdue or at risk, and all open orders, each with its count;
 * filters, search and sort on top; saved views (server-side, per person) to get a queue and its filters back.
 * The queue and filters live in the address, so a reload or a shared link shows the same list.
 */
class OrdenQueue extends LivePage {
  connectedCallback() {
    this.readAddress();
    this.orders = null;
    this.counts = {};
    this.statuses = [];
    this.types = [];
    this.views = [];
    this.error = null;
    this.notice = '';
    this.fieldErrors = {};
    super.connectedCallback();
  }

  readAddress() {
    const query = new URLSearchParams(location.search);
    this.queue = QUEUES[query.get('queue')] ? query.get('queue') : 'unassigned';
    this.filters = {};
    for (const [key, value] of query) {
      if (key === 'status') (this.filters.status ??= []).push(value);
      else if (FILTER_KEYS.includes(key) || key.startsWith('cf.')) this.filters[key] = value;
    }
  }

  writeAddress() {
    const query = new URLSearchParams({ queue: this.queue });
    appendAll(query, Object.entries(this.filters));
    history.replaceState(null, '', `/portal/queue?${query}`);
  }

  /** The list parameters of a queue with the current filters. */
  params(queue, withSort = true) {
    const query = new URLSearchParams(QUEUES[queue]);
    appendAll(query, Object.entries(this.filters).filter(([key]) => withSort || key !== 'sort'));
    return query;
  }

  async load() {
    try {
      const [statuses, types, views] = await Promise.all([
        api('/workorders/counts'), api('/types').catch(() => []), api('/me/views')]);
      this.statuses = Object.keys(statuses.byStatus);
      this.types = types;
      this.views = views;
    } catch (error) {
      this.error = error;
      this.render();
      return;
    }
    await this.refresh();
  }

  /** The counts of every queue and the current queue's first page, drawn when all are in. */
  async refresh() {
    const request = this.request = (this.request ?? 0) + 1;
    try {
      const list = this.params(this.queue);
      list.set('limit', PAGE_SIZE);
      const names = Object.keys(QUEUES);
      const [page, ...counts] = await Promise.all([api(`/workorders?${list}`),
        ...names.map(queue => api(`/workorders/counts?${this.params(queue, false)}`))]);
      if (request !== this.request) return; // a later refresh draws the newer state
      learnStates(page.items);
      this.orders = page.items;
      this.nextCursor = page.nextCursor;
      names.forEach((queue, i) => { this.counts[queue] = counts[i].total; });
      this.error = null;
      this.fieldErrors = {};
    } catch (error) {
      if (request !== this.request) return;
      if (error instanceof ApiError && error.status === 422) {
        this.fieldErrors = fieldErrors(error);
        this.orders = [];
        this.nextCursor = null;
      } else {
        this.error = error;
      }
    }
    this.rendered ? this.drawResults() : this.render();
  }

  async more() {
    const list = this.params(this.queue);
    list.set('limit', PAGE_SIZE);
    list.set('cursor', this.nextCursor);
    const page = await api(`/workorders?${list}`);
    learnStates(page.items);
    this.orders = [...this.orders, ...page.items];
    this.nextCursor = page.nextCursor;
    this.drawResults();
    this.querySelectorAll('.queue-row a')[this.orders.length - page.items.length]?.focus();
  }

  /** Any change may move an order into or out of a queue: counts and list are read again, a burst at once. */
  changed({ type }) {
    if (!this.orders || !type?.startsWith('workorder.') && type !== 'resync') return;
    clearTimeout(this.pending);
    this.pending = setTimeout(() => this.refresh().then(() => this.announce(t('queue.newArrived'))), 250);
  }

  announce(text) {
    const status = this.querySelector('[data-announce]');
    if (status) status.textContent = text;
  }

  select(queue) {
    this.queue = queue;
    this.writeAddress();
    this.drawTabs();
    this.refresh();
  }

  applyForm(form) {
    const data = new FormData(form);
    const filters = {};
    for (const key of ['type', 'area', 'priority', 'q', 'sort']) {
      const value = String(data.get(key) ?? '').trim();
      if (value) filters[key] = value;
    }
    const status = String(data.get('status') ?? '');
    if (status) filters.status = [status];
    const cfKey = String(data.get('cfKey') ?? '').trim();
    const cfValue = String(data.get('cfValue') ?? '').trim();
    if (cfKey && !CUSTOM_KEY.test(cfKey)) {
      this.fieldErrors = { cfKey: 'letters, digits and _' };
      this.drawResults();
      return;
    }
    if (cfKey && cfValue) filters[`cf.${cfKey}`] = cfValue;
    this.filters = filters;
    this.writeAddress();
    this.refresh();
  }

  async saveView(form) {
    const name = String(new FormData(form).get('name') ?? '').trim();
    try {
      const view = await api('/me/views', {
        method: 'POST', headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ name, queue: this.queue, filters: this.filters }),
      });
      this.views = [...this.views, view].sort((a, b) => a.name.localeCompare(b.name));
      this.currentView = view.id;
      this.render();
      this.announce(t('views.saved', { name: view.name }));
    } catch (error) {
      this.viewError = error instanceof ApiError && error.problem
        ? (error.problem.errors?.map(e => `${e.field}: ${e.message}`).join('; ') || error.problem.detail)
        : String(error.message);
      this.render();
      this.querySelector('#view-name')?.focus();
      return;
    }
  }

  openView(id) {
    const view = this.views.find(v => v.id === id);
    this.currentView = view?.id;
    if (!view) return;
    this.queue = QUEUES[view.queue] ? view.queue : 'all';
    this.filters = { ...view.filters };
    this.writeAddress();
    this.render();
    this.refresh();
  }

  async deleteView() {
    const view = this.views.find(v => v.id === this.currentView);
    if (!view) return;
    await api(`/me/views/${view.id}`, { method: 'DELETE' });
    this.views = this.views.filter(v => v.id !== view.id);
    this.currentView = null;
    this.render();
    this.announce(t('views.deleted', { name: view.name }));
  }

  render() {
    document.title = `${t('queue.title')} · Orden`;
    if (this.error) {
      this.rendered = false;
      this.innerHTML = errorView(this.error).toString();
      this.querySelector('[data-retry]')?.addEventListener('click', () => { this.error = null; this.load(); });
      return;
    }
    if (!this.orders) {
      this.innerHTML = html`<h1>${t('queue.title')}</h1><p class="muted" role="status">${t('loading')}</p>`.toString();
      return;
    }
    this.rendered = true;
    const f = this.filters;
    const [cfKey, cfValue] = Object.entries(f).find(([key]) => key.startsWith('cf.')) ?? ['', ''];
    this.innerHTML = html`
      <div class="queue-page">
        <h1>${t('queue.title')}</h1>
        <p class="visually-hidden" role="status" aria-live="polite" data-announce></p>
        <div class="queue-tabs" role="tablist" aria-label="${t('queue.tabs')}" data-tabs></div>
        <details class="queue-filters" ${Object.keys(f).length ? 'open' : ''}>
          <summary>${t('queue.filters')}</summary>
          <form data-filters class="filter-grid">
            ${field('q', t('queue.search'), html`<input id="f-q" name="q" type="search" value="${f.q ?? ''}"
              placeholder="${t('queue.searchHint')}">`)}
            ${field('status', t('queue.status'), select('status', this.statuses.map(s => [s, stateName(s)]), f.status?.[0]))}
            ${field('type', t('queue.type'), select('type', this.types.map(ty => [ty.key, ty.name]), f.type))}
            ${field('priority', t('queue.priority'), select('priority', PRIORITIES.map(p => [p, t(`priority.${p}`)]), f.priority))}
            ${field('area', t('queue.area'), html`<input id="f-area" name="area" value="${f.area ?? ''}">`)}
            ${field('cfKey', t('queue.field'), html`<input id="f-cfKey" name="cfKey" value="${cfKey.replace(/^cf\./, '')}"
              autocomplete="off" spellcheck="false">`)}
            ${field('cfValue', t('queue.fieldValue'), html`<input id="f-cfValue" name="cfValue" value="${cfValue}">`)}
            ${field('sort', t('queue.sort'), html`<select id="f-sort" name="sort">
              ${SORTS.map(s => html`<option value="${s}" ${(f.sort ?? '-updatedAt') === s ? 'selected' : ''}>
                ${t(`queue.sort.${s}`)}</option>`)}</select>`)}
            <div class="filter-actions">
              <button type="submit" class="button">${t('queue.apply')}</button>
              <button type="button" class="button-quiet" data-clear>${t('queue.clear')}</button>
            </div>
          </form>
        </details>
        <section class="saved-views" aria-labelledby="views-title">
          <h2 id="views-title" class="visually-hidden">${t('views.title')}</h2>
          <label for="view-pick">${t('views.pick')}</label>
          <select id="view-pick" data-view-pick>
            <option value="">${t('views.none')}</option>
            ${this.views.map(v => html`<option value="${v.id}" ${v.id === this.currentView ? 'selected' : ''}>${v.name}</option>`)}
          </select>
          ${this.currentView ? html`<button type="button" class="button-quiet" data-view-delete>${t('views.delete')}</button>` : ''}
          <form data-view-save class="view-save">
            <label for="view-name">${t('views.name')}</label>
            <input id="view-name" name="name" required maxlength="100"
              ${this.viewError ? html`aria-invalid="true" aria-describedby="view-error"` : ''}>
            <button type="submit" class="button-quiet">${t('views.save')}</button>
            ${this.viewError ? html`<p id="view-error" class="field-error" role="alert">${this.viewError}</p>` : ''}
          </form>
        </section>
        <div data-results></div>
      </div>`.toString();
    this.viewError = null;
    this.drawTabs();
    this.drawResults();
    this.wire();
  }

  drawTabs() {
    const tabs = this.querySelector('[data-tabs]');
    if (!tabs) return;
    tabs.innerHTML = Object.keys(QUEUES).map(queue => html`
      <button type="button" role="tab" id="tab-${queue}" data-queue="${queue}" aria-controls="queue-list"
        aria-selected="${queue === this.queue}" tabindex="${queue === this.queue ? 0 : -1}">
        ${t(`queue.${queue}`)} <span class="count" data-count="${queue}">${this.counts[queue] ?? '…'}</span>
      </button>`).join('');
  }

  drawResults() {
    this.drawTabs();
    const results = this.querySelector('[data-results]');
    if (!results) return;
    const errors = Object.entries(this.fieldErrors);
    results.innerHTML = html`
      ${errors.length ? html`<div class="field-error" role="alert">${errors.map(([k, m]) => html`<p>${k}: ${m}</p>`)}</div>` : ''}
      <div id="queue-list" role="tabpanel" aria-labelledby="tab-${this.queue}" data-queue-list="${this.queue}">
        ${this.orders.length === 0 ? html`<p class="empty">${t('queue.empty')}</p>` : html`
          <p class="muted">${t('queue.shown', { shown: this.orders.length, total: this.counts[this.queue] ?? '' })}</p>
          <ul class="queue-list">${this.orders.map(row)}</ul>`}
        ${this.nextCursor ? html`<button type="button" class="button" data-more>${t('queue.more')}</button>` : ''}
      </div>`.toString();
    results.querySelector('[data-more]')?.addEventListener('click', () => this.more());
  }

  wire() {
    const tabs = this.querySelector('[data-tabs]');
    tabs.addEventListener('click', event => {
      const tab = event.target.closest('[data-queue]');
      if (tab) this.select(tab.dataset.queue);
    });
    tabs.addEventListener('keydown', event => {
      const names = Object.keys(QUEUES);
      const step = { ArrowRight: 1, ArrowLeft: -1 }[event.key];
      if (!step) return;
      const next = names[(names.indexOf(this.queue) + step + names.length) % names.length];
      this.select(next);
      this.querySelector(`#tab-${next}`)?.focus();
    });
    const form = this.querySelector('[data-filters]');
    form.addEventListener('submit', event => { event.preventDefault(); this.currentView = null; this.applyForm(form); });
    this.querySelector('[data-clear]').addEventListener('click', () => {
      this.filters = {};
      this.currentView = null;
      this.writeAddress();
      this.render();
      this.refresh();
    });
    this.querySelector('[data-view-pick]').addEventListener('change', event => this.openView(event.target.value));
    this.querySelector('[data-view-delete]')?.addEventListener('click', () => this.deleteView());
    const save = this.querySelector('[data-view-save]');
    save.addEventListener('submit', event => { event.preventDefault(); this.saveView(save); });
  }
}

function appendAll(query, entries) {
  for (const [key, value] of entries) {
    if (Array.isArray(value)) value.forEach(v => query.append(key, v));
    else if (value) query.append(key, value);
  }
}

function fieldErrors(error) {
  const errors = {};
  (error.problem?.errors ?? []).forEach(e => { errors[e.field] = e.message; });
  if (!Object.keys(errors).length) errors.request = error.problem?.detail ?? error.message;
  return errors;
}

function field(name, label, control) {
  return html`<div class="filter"><label for="f-${name}">${label}</label>${control}</div>`;
}

function select(name, options, current) {
  return html`<select id="f-${name}" name="${name}">
    <option value="">${t('queue.any')}</option>
    ${options.map(([value, label]) => html`<option value="${value}" ${value === current ? 'selected' : ''}>${label}</option>`)}
  </select>`;
}

function row(order) {
  const clock = worstClock(order.sla);
  return html`
    <li class="queue-row" data-number="${order.number}">
      <a class="order-link" href="/portal/workorders/${encodeURIComponent(order.number)}" data-link>
        <span class="order-number">${order.number}</span>
        <span class="order-title">${order.title}</span>
      </a>
      <span class="queue-meta">
        ${stateBadge(order)}
        <span class="priority priority-${order.priority}">${t(`priority.${order.priority}`)}</span>
        ${order.assignee ? html`<span>${t('queue.assignee')}: ${order.assignee.name}</span>` : ''}
        ${order.team ? html`<span>${t('queue.team')}: ${localName(order.teamName, order.team)}</span>` : ''}
        ${order.area ? html`<span>${t('queue.area')}: ${localName(order.areaName, order.area)}</span>` : ''}
      </span>
      ${clock ? html`<span class="queue-sla">${clockLine(clock)}</span>` : ''}
      <span class="order-updated muted"><time datetime="${order.updatedAt}">
        ${t('queue.updated', { when: formatRelative(order.updatedAt) })}</time></span>
    </li>`;
}

customElements.define('orden-queue', OrdenQueue);
