import { api } from '../../api.js';
import { html } from '../../html.js';
import { formatDateTime, lang, localName, t } from '../../i18n.js';
import { errorView, LivePage, statusBadge } from '../common.js';
import { addDays, dayStart, instant, isoDay, localInput, timeOfDay } from './time.js';
import './messages.js';

const OPEN = 'category=new&category=open&category=pending';

/**
 * The dispatch board: the unassigned orders by area, the agents with their load and availability (drop an order
 * on one, or pick one with "Assign to…"), and one day's planned visits per agent, each visit movable by its form.
 */
class OrdenDispatchBoard extends LivePage {
  connectedCallback() {
    this.day = isoDay(new Date());
    this.data = null;
    this.error = null;
    this.editing = null;
    this.opened = new Set();
    this.message = '';
    super.connectedCallback();
  }

  async load() {
    const request = this.request = (this.request ?? 0) + 1;
    const today = new Date();
    const from = dayStart(this.day);
    const to = addDays(from, 1);
    try {
      const [unassigned, agents, members, summary, visits] = await Promise.all([
        api(`/workorders?assignee=none&${OPEN}&sort=number&limit=200`),
        api('/assignment/agents'),
        api('/members'),
        api(`/reports/summary?from=${isoDay(today)}&to=${isoDay(addDays(today, 1))}`),
        api(`/workorders?scheduledFrom=${encodeURIComponent(from.toISOString())}`
          + `&scheduledTo=${encodeURIComponent(to.toISOString())}`
          + `&${OPEN}&category=resolved&limit=200`),
      ]);
      this.areaNames ??= new Map((await api('/directory').catch(() => ({ areas: [] }))).areas.map(a => [a.key, a.name]));
      if (request !== this.request) return;
      const load = new Map(summary.workload.agents.map(agent => [agent.id, agent]));
      this.data = { unassigned: unassigned.items, agents: everyAgent(agents, members, load), visits: visits.items };
      this.error = null;
    } catch (error) {
      if (request !== this.request) return;
      this.error = error;
    }
    this.drawUnlessTyping();
  }

  /** A reload waits while someone types in one of the board's forms, so that a live change does not wipe it. */
  drawUnlessTyping() {
    const active = document.activeElement;
    if (active && this.contains(active) && active.matches('input')) {
      this.waiting = true;
      active.addEventListener('blur', () => { if (this.waiting) { this.waiting = false; this.render(); } },
        { once: true });
      return;
    }
    this.render();
  }

  changed() {
    clearTimeout(this.reloadTimer);
    this.reloadTimer = setTimeout(() => this.load(), 250);
  }

  async assign(ref, agentId) {
    const order = this.find(ref);
    const agent = this.data.agents.find(a => a.id === agentId);
    if (!order || !agent) return;
    await this.act(() => api(`/workorders/${order.id}/assignment`, {
      method: 'POST', headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ assignee: agent.id, version: order.version }),
    }), t('dispatch.assigned', { number: order.number, name: agent.name ?? agent.email }));
  }

  async plan(ref, start, end) {
    const order = this.find(ref);
    if (!order) return;
    await this.act(() => api(`/workorders/${order.id}`, {
      method: 'PATCH', headers: { 'Content-Type': 'application/merge-patch+json', 'If-Match': `"${order.version}"` },
      body: JSON.stringify({ scheduledStart: instant(start), scheduledEnd: instant(end) }),
    }), t('dispatch.visitSaved', { number: order.number }));
    this.editing = null;
  }

  async act(call, done) {
    try {
      await call();
      this.message = done;
    } catch (error) {
      const reasons = error.problem?.errors?.map(e => `${e.field}: ${e.message}`).join('; ');
      this.message = t('dispatch.failed', { reason: reasons || error.problem?.detail || error.message });
    }
    await this.load();
  }

  find(ref) {
    return [...this.data.unassigned, ...this.data.visits].find(order => order.id === ref);
  }

  render() {
    document.title = `${t('dispatch.title')} · Orden`;
    if (this.error) {
      this.innerHTML = errorView(this.error).toString();
      this.querySelector('[data-retry]')?.addEventListener('click', () => this.load());
      return;
    }
    if (!this.data) {
      this.innerHTML = html`<h1>${t('dispatch.title')}</h1><p class="muted" role="status">${t('loading')}</p>`.toString();
      return;
    }
    this.innerHTML = html`
      <h1>${t('dispatch.title')}</h1>
      <p class="dispatch-message" role="status" data-message>${this.message}</p>
      <div class="dispatch-columns">
        <section class="dispatch-queue" aria-labelledby="unassigned-title">
          <h2 id="unassigned-title">${t('dispatch.unassigned')} (${this.data.unassigned.length})</h2>
          ${this.data.unassigned.length === 0 ? html`<p class="empty">${t('dispatch.unassignedEmpty')}</p>` : ''}
          ${this.areas().map(([area, orders]) => html`
            <section class="dispatch-area" data-area="${area ?? ''}">
              <h3>${area === null ? t('dispatch.noArea') : this.areaName(area)}</h3>
              <ul class="dispatch-orders">${orders.map(order => this.card(order))}</ul>
            </section>`)}
        </section>
        <section class="dispatch-agents" aria-labelledby="agents-title">
          <h2 id="agents-title">${t('dispatch.agents')}</h2>
          <p class="muted">${t('dispatch.agentsHint')}</p>
          <ul class="agent-list">${this.data.agents.map(agent => this.agentCard(agent))}</ul>
        </section>
      </div>
      ${this.schedule()}`.toString();
    this.wire();
  }

  /** The area's name in the user's language (from the tenant's directory), its key without one. */
  areaName(key) {
    return localName(this.areaNames?.get(key), key);
  }

  /** The unassigned orders by area, areas by name, orders without one last. */
  areas() {
    const groups = new Map();
    this.data.unassigned.forEach(order => {
      const key = order.area ?? null;
      if (!groups.has(key)) groups.set(key, []);
      groups.get(key).push(order);
    });
    return [...groups.entries()].sort(([a], [b]) => (a === null) - (b === null)
      || this.areaName(a).localeCompare(this.areaName(b)));
  }

  card(order) {
    const pickerId = `assign-${order.id}`;
    return html`
      <li class="dispatch-order" draggable="true" data-order="${order.id}" data-number="${order.number}">
        <div class="dispatch-order-head">
          <a href="/portal/workorders/${encodeURIComponent(order.number)}" data-link>${order.number}</a>
          ${statusBadge(order)}
        </div>
        <p class="dispatch-order-title">${order.title}</p>
        <form class="assign-form" data-assign="${order.id}">
          <label for="${pickerId}">${t('dispatch.assignTo', { number: order.number })}</label>
          <select id="${pickerId}" name="agent" required>
            <option value="">${t('dispatch.choose')}</option>
            ${this.data.agents.map(agent => html`<option value="${agent.id}">${agent.name ?? agent.email}
              (${agent.load?.total ?? 0})</option>`)}
          </select>
          <button type="submit" class="button">${t('dispatch.assign')}</button>
        </form>
        <details class="visit-details" data-details="${order.id}" ${this.opened.has(order.id) ? 'open' : ''}>
          <summary>${order.scheduledStart ? t('dispatch.visitAt', { from: formatDateTime(order.scheduledStart),
            to: timeOfDay(order.scheduledEnd, lang()) }) : t('dispatch.planVisit')}</summary>
          ${this.visitForm(order)}
        </details>
      </li>`;
  }

  visitForm(order) {
    return html`
      <form class="visit-form" data-visit="${order.id}">
        <fieldset>
          <legend>${t('dispatch.visit', { number: order.number })}</legend>
          <label>${t('dispatch.start')}
            <input type="datetime-local" name="start" value="${localInput(order.scheduledStart)}"></label>
          <label>${t('dispatch.end')}
            <input type="datetime-local" name="end" value="${localInput(order.scheduledEnd)}"></label>
          <button type="submit" class="button-quiet">${t('dispatch.saveVisit')}</button>
          ${order.scheduledStart ? html`<button type="button" class="button-quiet" data-clear="${order.id}">
            ${t('dispatch.clearVisit')}</button>` : ''}
        </fieldset>
      </form>`;
  }

  agentCard(agent) {
    const load = agent.load ?? { total: 0, scheduledToday: 0, byStatusCategory: { new: 0, open: 0, pending: 0 } };
    return html`
      <li class="agent-card" data-agent="${agent.id}" data-available="${agent.available}">
        <span class="agent-name">${agent.name ?? agent.email}</span>
        <span class="agent-availability">${t(agent.available === undefined ? 'dispatch.noTeam'
          : agent.available ? 'dispatch.available' : 'dispatch.away')}</span>
        <span class="agent-load" data-total="${load.total}" data-today="${load.scheduledToday}">
          ${t('dispatch.load', { total: load.total, today: load.scheduledToday })}</span>
        <span class="muted agent-detail">${t('dispatch.loadDetail', load.byStatusCategory)}</span>
      </li>`;
  }

  schedule() {
    const start = dayStart(this.day).getTime();
    const length = addDays(dayStart(this.day), 1).getTime() - start;
    const rows = this.data.agents.map(agent => ({
      agent, visits: this.data.visits.filter(visit => visit.assignee?.id === agent.id),
    }));
    const editing = this.data.visits.find(visit => visit.id === this.editing);
    return html`
      <section class="dispatch-schedule" aria-labelledby="schedule-title">
        <h2 id="schedule-title">${t('dispatch.schedule')}</h2>
        <label class="schedule-day">${t('dispatch.day')}
          <input type="date" name="day" value="${this.day}" data-day></label>
        ${this.data.visits.length === 0 ? html`<p class="muted">${t('dispatch.scheduleEmpty')}</p>` : ''}
        <div class="timeline-hours" aria-hidden="true">${[0, 6, 12, 18].map(h => html`<span>${h}:00</span>`)}</div>
        <ul class="timelines">
          ${rows.map(({ agent, visits }) => html`
            <li class="timeline-row" data-agent="${agent.id}">
              <span class="timeline-agent">${agent.name ?? agent.email}</span>
              <span class="timeline-track">
                ${visits.length === 0 ? html`<span class="visually-hidden">${t('dispatch.noVisits')}</span>` : ''}
                ${visits.map(visit => html`
                  <button type="button" class="visit" data-visit-block="${visit.id}" data-number="${visit.number}"
                    data-left="${Math.max(0, (Date.parse(visit.scheduledStart) - start) / length)}"
                    data-right="${Math.min(1, (Date.parse(visit.scheduledEnd) - start) / length)}"
                    aria-expanded="${visit.id === this.editing}"
                    aria-label="${t('dispatch.move', { number: visit.number })}: ${visit.title},
                      ${timeOfDay(visit.scheduledStart, lang())}–${timeOfDay(visit.scheduledEnd, lang())}">
                    ${visit.number} ${timeOfDay(visit.scheduledStart, lang())}</button>`)}
              </span>
            </li>`)}
        </ul>
        ${editing ? this.visitForm(editing) : ''}
      </section>`;
  }

  wire() {
    this.querySelectorAll('form[data-assign]').forEach(form => form.addEventListener('submit', event => {
      event.preventDefault();
      const agent = form.elements.agent.value;
      if (agent) this.assign(form.dataset.assign, agent);
    }));
    this.querySelectorAll('form[data-visit]').forEach(form => form.addEventListener('submit', event => {
      event.preventDefault();
      this.plan(form.dataset.visit, form.elements.start.value, form.elements.end.value);
    }));
    this.querySelectorAll('[data-clear]').forEach(button => button.addEventListener('click',
      () => this.plan(button.dataset.clear, '', '')));
    this.querySelectorAll('[data-details]').forEach(details => details.addEventListener('toggle', () => {
      if (details.open) this.opened.add(details.dataset.details);
      else this.opened.delete(details.dataset.details);
    }));
    this.querySelector('[data-day]').addEventListener('change', event => {
      if (!event.target.value) return;
      this.day = event.target.value;
      this.load();
    });
    this.querySelectorAll('[data-visit-block]').forEach(block => {
      // The position comes from the data, set through the CSSOM: the CSP allows no inline style attribute.
      block.style.left = `${Number(block.dataset.left) * 100}%`;
      block.style.width = `${Math.max(0.02, Number(block.dataset.right) - Number(block.dataset.left)) * 100}%`;
      block.addEventListener('click', () => {
        this.editing = this.editing === block.dataset.visitBlock ? null : block.dataset.visitBlock;
        this.render();
        this.querySelector(`form[data-visit="${this.editing}"] input`)?.focus();
      });
    });
    this.wireDrag();
  }

  /** HTML5 drag and drop: an order card onto an agent card; the picker does the same from the keyboard. */
  wireDrag() {
    this.querySelectorAll('.dispatch-order[draggable]').forEach(card => card.addEventListener('dragstart', event => {
      event.dataTransfer.setData('text/plain', card.dataset.order);
      event.dataTransfer.effectAllowed = 'move';
    }));
    this.querySelectorAll('.agent-card').forEach(target => {
      target.addEventListener('dragover', event => {
        event.preventDefault();
        target.classList.add('drop-target');
      });
      target.addEventListener('dragleave', () => target.classList.remove('drop-target'));
      target.addEventListener('drop', event => {
        event.preventDefault();
        target.classList.remove('drop-target');
        this.assign(event.dataTransfer.getData('text/plain'), target.dataset.agent);
      });
    });
  }
}

/**
 * Every agent of the tenant: the people with the agent or dispatcher role (`GET /members`), with the availability the
 * assignment strategies see for team members (`GET /assignment/agents`; a teamless agent has none) and the load of
 * the workload report; by name.
 */
function everyAgent(teamMembers, members, load) {
  const byId = new Map(teamMembers.map(agent => [agent.id, agent]));
  members.filter(m => m.roles.includes('agent') || m.roles.includes('dispatcher'))
    .forEach(m => { if (!byId.has(m.id)) byId.set(m.id, { id: m.id, email: m.email, name: m.name }); });
  const name = agent => agent.name ?? agent.email ?? '';
  return [...byId.values()].map(agent => ({ ...agent, load: load.get(agent.id) }))
    .sort((a, b) => name(a).localeCompare(name(b)));
}

customElements.define('orden-dispatch-board', OrdenDispatchBoard);
