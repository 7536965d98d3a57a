import { api, ApiError } from '../../api.js';
import { html } from '../../html.js';
import { formatDateTime, localName, t } from '../../i18n.js';
import { hasRole, session } from '../../session.js';
import { errorView, LivePage, notFoundView } from '../common.js';
import { same } from '../requester/conditions.js';
import { fieldView, filesValue, LiveFields, stageFiles, unstageFile, valueView } from '../form/fields.js';
import { clockLine, clocks } from './sla.js';
import { learnStates, stateBadge, stateName } from './states.js';
import './messages.js';
import '../attachments.js';

const PRIORITIES = ['LOW', 'NORMAL', 'HIGH', 'URGENT'];
const JSON_HEADERS = { 'Content-Type': 'application/json' };
/** The form of each kind of change, by its data attribute. */
const FORMS = { move: 'data-move-form', edit: 'data-edit', assign: 'data-assign', transfer: 'data-transfer', comment: 'data-comment' };

/**
 * An order as staff work it: every field (editable as the agent form allows), the workflow's moves as buttons,
 * assignment and transfer, public and internal comments, the history with the flow rules' traces, the SLA clocks.
 * Every change is sent with the version read (If-Match), so that a concurrent change is a clear conflict.
 */
class OrdenStaffOrder extends LivePage {
  connectedCallback() {
    this.reference = this.getAttribute('ref');
    this.state = 'loading';
    this.members = [];
    this.directory = null;
    this.form = null;
    this.live = new LiveFields(() => formFields(this.form));
    this.messages = {};
    this.errors = {};
    this.pending = new Set(); // files of attachment fields still being staged
    super.connectedCallback();
  }

  path(suffix = '') {
    return `/workorders/${encodeURIComponent(this.reference)}${suffix}`;
  }

  /**
   * Reads the order and all around it and draws it again; what the user is typing stays, except in the forms named
   * in `fresh` (the one just sent, and the details unless they are being edited: they show the new values).
   */
  async load(fresh = ['data-edit']) {
    const request = this.request = (this.request ?? 0) + 1;
    try {
      const [order, transitions, history, traces, comments] = await Promise.all([api(this.path()),
        api(this.path('/transitions')), api(this.path('/history')), api(this.path('/rule-traces')).catch(() => []),
        api(this.path('/comments'))]);
      if (request !== this.request) return;
      learnStates([order], transitions, history);
      Object.assign(this, { order, transitions, history, traces, comments, state: 'ready', dirty: false });
      await this.loadOnce(order);
    } catch (error) {
      if (request !== this.request) return;
      this.state = error instanceof ApiError && error.status === 404 ? 'not-found' : 'error';
      this.error = error;
    }
    this.renderKeepingInput(fresh);
  }

  /**
   * The members to assign to, the teams and areas to pick and the type's agent form: read with the first order, kept
   * while the page stays.
   */
  async loadOnce(order) {
    if (hasRole('dispatcher', 'tenant-admin') && !this.members.length) {
      this.members = (await api('/members').catch(() => [])).filter(m => m.assignable);
    }
    this.directory ??= await api('/directory').catch(() => ({ teams: [], areas: [] }));
    if (order.type && this.formType !== order.type) {
      this.formType = order.type;
      this.form = await api(`/types/${encodeURIComponent(order.type)}/form?audience=agent`).catch(() => null);
    }
  }

  changed({ type, data }) {
    if (this.state !== 'ready') return;
    if (type !== 'resync' && data?.id !== this.order.id) return;
    const mine = data?.actor?.id === session().id;
    if (this.busy) { // a change is being sent: another's is read once it is done
      this.missed ||= !mine;
      return;
    }
    if (mine && data.version <= this.order.version) return; // ours, already read
    if (this.dirty && !mine) {
      this.messages.edit = { kind: 'warning', text: t('staff.conflict') };
      this.drawMessages();
    } else {
      this.messages = {};
      this.load();
    }
  }

  /** Sends a change; on success the page shows the order as it is now, on failure the problem where it belongs. */
  async send(where, path, body, method = 'POST') {
    this.messages = {};
    this.errors = {};
    this.busy = true;
    this.setAttribute('aria-busy', 'true');
    try {
      await api(this.path(path), {
        method, headers: { ...JSON_HEADERS, 'If-Match': `"${this.order.version}"` }, body: JSON.stringify(body),
      });
      this.dirty = false;
      if (where === 'edit') this.live = new LiveFields(() => formFields(this.form));
      if (where === 'move') this.pendingMove = null;
      await this.load(['data-edit', FORMS[where]]);
      this.messages[where] = { kind: 'ok', text: t('staff.saved') };
      this.drawMessages();
      return true;
    } catch (error) {
      this.messages[where] = problemMessage(error);
      (error.problem?.errors ?? []).forEach(e => { this.errors[`${where}:${e.field}`] = e.message; });
      this.renderKeepingInput();
      this.querySelector(`[data-message="${where}"]`)?.scrollIntoView({ block: 'nearest' });
      return false;
    } finally {
      this.settle();
    }
  }

  /** After a change was sent: what happened meanwhile (another person's change, a rule's) is read now. */
  settle() {
    this.busy = false;
    this.removeAttribute('aria-busy');
    if (this.missed) {
      this.missed = false;
      this.load();
    }
  }

  /** Draws the page again (to show errors) with what the user typed still in the forms. */
  renderKeepingInput(fresh = []) {
    const key = form => form.getAttributeNames().find(name => name.startsWith('data-'));
    const kept = [...this.querySelectorAll('form')].map(form => [key(form), [...form.elements]
      .filter(e => e.name && e.type !== 'file').map(e => [e.name, checkable(e) ? e.checked : e.value, e.value])]);
    const files = fresh.includes('data-edit') ? [] : [...this.querySelectorAll('[data-edit] [data-staged]')]
      .map(list => [list.closest('[data-field]').dataset.field, list.innerHTML]);
    this.render();
    for (const [field, items] of files) {
      const list = this.querySelector(`[data-edit] [data-field="${CSS.escape(field)}"] [data-staged]`);
      if (list) list.innerHTML = items;
    }
    for (const [name, values] of kept) {
      const form = [...this.querySelectorAll('form')].find(f => key(f) === name);
      if (!form || fresh.includes(name)) continue;
      for (const [field, value, raw] of values) {
        const element = [...form.elements].find(e => e.name === field && (!checkable(e) || e.value === raw));
        if (!element) continue;
        if (checkable(element)) element.checked = value;
        else element.value = value;
      }
    }
    this.drawFields();
  }

  /**
   * The custom fields' conditions as the values stand (fields shown and hidden, required marks), and their errors:
   * the client's checks of what changed, then the server's 422 ones (`customFields.<key>`).
   */
  drawFields() {
    const form = this.querySelector('[data-edit]');
    if (!form) return;
    this.live.values = { ...this.order.customFields }; // read-only fields count in conditions with what the order has
    this.live.refresh(form);
    for (const [where, message] of Object.entries(this.errors)) {
      const key = where.match(/^edit:customFields\.(.+)$/)?.[1];
      if (key) this.live.errors[key] = [message];
    }
    this.live.show(form);
  }

  async save(form) {
    if (this.pending.size) await Promise.allSettled([...this.pending]); // files going up are part of the change
    const data = new FormData(form);
    const patch = {
      title: String(data.get('title')).trim(),
      description: String(data.get('description') ?? ''),
      priority: data.get('priority'),
      area: data.get('area') || null,
    };
    const due = String(data.get('dueAt') ?? '');
    patch.dueAt = due ? new Date(due).toISOString() : null;
    const custom = this.changedFields(form);
    if (this.live.countErrors()) {
      this.messages.edit = { kind: 'error', text: t('staff.invalid') };
      this.drawMessages();
      form.querySelector('[aria-invalid="true"]')?.focus();
      return false;
    }
    if (Object.keys(custom).length) patch.customFields = custom;
    return this.send('edit', '', patch, 'PATCH');
  }

  /**
   * The custom fields whose value differs from the order's (an emptied one as null), checked as the server will:
   * only what changes is sent, so a value the order had before a field became required does not stop the save.
   */
  changedFields(form) {
    const stored = this.order.customFields ?? {};
    this.live.values = { ...stored };
    const values = this.live.read(form);
    const changed = editableFields(this.form).filter(f => !unchanged(f, values[f.key], stored[f.key]));
    this.live.errors = {};
    this.live.touched = new Set(changed.map(f => f.key));
    this.live.refresh(form);
    const visible = this.live.rules().visible;
    return Object.fromEntries(changed.map(f => [f.key, visible(f.key) ? sendable(f, values[f.key]) : null]));
  }

  render() {
    if (this.state === 'not-found') {
      document.title = `${t('notFound.title')} · Orden`;
      this.innerHTML = notFoundView(t('notFound.text')).toString();
      return;
    }
    if (this.state === 'error') {
      this.innerHTML = errorView(this.error).toString();
      this.querySelector('[data-retry]')?.addEventListener('click', () => this.load());
      return;
    }
    if (this.state === 'loading') {
      this.innerHTML = html`<p class="muted" role="status">${t('loading')}</p>`.toString();
      return;
    }
    const order = this.order;
    document.title = `${order.number} · Orden`;
    const files = this.querySelector('orden-attachments'); // kept across redraws: uploads in progress go on
    this.innerHTML = html`
      <p class="crumbs"><a href="/portal/queue" data-link>← ${t('staff.back')}</a></p>
      <article class="order-page staff-order" data-order="${order.number}" data-version="${order.version}">
        <header class="order-head">
          <h1><span class="order-number">${order.number}</span> ${order.title}</h1>
          ${stateBadge(order)}
        </header>
        <dl class="facts">
          ${fact(t('order.priority'), t(`priority.${order.priority}`))}
          ${fact(t('order.assignee'), order.assignee?.name ?? t('order.unassigned'))}
          ${fact(t('staff.team'), localName(order.teamName, order.team ?? '—'))}
          ${fact(t('staff.area'), localName(order.areaName, order.area ?? '—'))}
          ${fact(t('staff.requester'), order.requester?.name ?? '—')}
          ${fact(t('order.created'), when(order.createdAt))}
        </dl>
        ${this.slaSection()}
        ${this.transitionsSection()}
        ${this.editSection()}
        <orden-attachments order="${order.id}" class="staff-box"></orden-attachments>
        ${this.assignSection()}
        ${this.transferSection()}
        ${this.commentsSection()}
        ${this.historySection()}
      </article>`.toString();
    if (files?.getAttribute('order') === order.id) this.querySelector('orden-attachments').replaceWith(files);
    this.wire();
    this.drawFields();
  }

  slaSection() {
    const all = clocks(this.order.sla);
    return html`<section aria-labelledby="sla-h" class="staff-box" data-sla>
      <h2 id="sla-h">${t('sla.title')}</h2>
      ${all.length ? html`<ul class="sla-list">${all.map(c => html`<li>${clockLine(c)}</li>`)}</ul>`
        : html`<p class="muted">${t('sla.none')}</p>`}
    </section>`;
  }

  transitionsSection() {
    const pending = this.transitions.find(m => m.to === this.pendingMove);
    return html`<section aria-labelledby="moves-h" class="staff-box" data-transitions>
      <h2 id="moves-h">${t('staff.transitions')}</h2>
      ${this.message('move')}
      ${this.transitions.length ? html`<div class="move-buttons">
        ${this.transitions.map(m => html`<button type="button" class="button move cat-${m.category}" data-move="${m.to}"
          aria-expanded="${m.to === this.pendingMove}">${stateName(m.to)}</button>`)}</div>`
        : html`<p class="muted">${t('staff.noTransitions')}</p>`}
      ${pending ? html`<form class="move-form" data-move-form="${pending.to}">
        ${pending.missingFields?.length ? html`<p class="field-error">${t('staff.missing', { fields: pending.missingFields.join(', ') })}</p>` : ''}
        <label for="move-comment">${t('staff.comment')}${pending.requireComment ? ' *' : ''}</label>
        <textarea id="move-comment" name="comment" rows="3" ${pending.requireComment ? 'aria-required="true"' : ''}
          ${this.fieldError('move', 'comment')}></textarea>
        ${this.errorText('move', 'comment')}
        ${pending.requireComment ? html`<p class="muted">${t('staff.commentRequired')}</p>` : ''}
        <div class="form-actions">
          <button type="submit" class="button">${t('staff.confirm', { state: stateName(pending.to) })}</button>
          <button type="button" class="button-quiet" data-move-cancel>${t('staff.cancel')}</button>
        </div>
      </form>` : ''}
    </section>`;
  }

  editSection() {
    const o = this.order;
    const custom = this.form ? editableFields(this.form) : [];
    const shown = new Set(custom.map(f => f.key));
    const others = Object.entries(o.customFields ?? {}).filter(([key]) => !shown.has(key));
    return html`<section aria-labelledby="edit-h" class="staff-box">
      <h2 id="edit-h">${t('staff.details')}</h2>
      ${this.message('edit')}
      <form data-edit class="edit-grid" novalidate>
        ${this.input('title', t('staff.title'), html`<input id="edit-title" name="title" required maxlength="200"
          value="${o.title}" ${this.fieldError('edit', 'title')}>`)}
        ${this.input('priority', t('order.priority'), html`<select id="edit-priority" name="priority" ${this.fieldError('edit', 'priority')}>
          ${PRIORITIES.map(p => html`<option value="${p}" ${p === o.priority ? 'selected' : ''}>${t(`priority.${p}`)}</option>`)}</select>`)}
        ${this.input('area', t('staff.area'), this.picker('edit', 'area', this.directory.areas, o.area))}
        ${this.input('dueAt', t('staff.dueAt'), html`<input id="edit-dueAt" name="dueAt" type="datetime-local"
          value="${localInput(o.dueAt)}" ${this.fieldError('edit', 'dueAt')}>`)}
        ${this.input('description', t('staff.description'), html`<textarea id="edit-description" name="description"
          rows="4" ${this.fieldError('edit', 'description')}>${o.description ?? ''}</textarea>`, 'wide')}
        ${custom.length ? html`<h3 class="wide">${t('staff.customFields')}</h3>` : ''}
        ${custom.map(f => html`<div class="custom-field ${WIDE.includes(f.type) ? 'wide' : ''}">
          ${fieldView(f, o.customFields?.[f.key], f.required)}</div>`)}
        ${others.length ? html`<dl class="facts wide">${others.map(([key, value]) => this.otherField(key, value))}</dl>` : ''}
        <div class="form-actions wide"><button type="submit" class="button">${t('staff.save')}</button></div>
      </form>
    </section>`;
  }

  /** A value this page does not edit: a read-only field of the agent form, or one the form no longer has. */
  otherField(key, value) {
    const field = formFields(this.form).find(f => f.key === key);
    if (field) {
      const people = new Map(this.members.map(m => [m.id, m.name ?? m.email]));
      return fact(field.label, valueView(field, value, people));
    }
    return fact(this.order.retiredFields?.includes(key) ? `${key} (${t('staff.retired')})` : key, show(value));
  }

  assignSection() {
    if (!hasRole('dispatcher', 'tenant-admin')) return '';
    return html`<section aria-labelledby="assign-h" class="staff-box">
      <h2 id="assign-h">${t('staff.assign')}</h2>
      ${this.message('assign')}
      <form data-assign class="edit-grid">
        ${this.input('assignee', t('staff.assignTo'), html`<select id="assign-assignee" name="assignee" ${this.fieldError('assign', 'assignee')}>
          <option value="">${t('staff.nobody')}</option>
          ${this.members.map(m => html`<option value="${m.id}" ${m.id === this.order.assignee?.id ? 'selected' : ''}>${m.name ?? m.email}</option>`)}
        </select>`, '', 'assign')}
        ${this.input('team', t('staff.team'), this.picker('assign', 'team', this.directory.teams, this.order.team), '', 'assign')}
        ${this.input('reason', t('staff.reason'), html`<input id="assign-reason" name="reason" maxlength="2000">`, 'wide', 'assign')}
        <div class="form-actions wide"><button type="submit" class="button">${t('staff.assign')}</button></div>
      </form>
    </section>`;
  }

  transferSection() {
    return html`<section aria-labelledby="transfer-h" class="staff-box">
      <h2 id="transfer-h">${t('staff.transfer')}</h2>
      <p class="muted">${t('staff.transferHint')}</p>
      ${this.message('transfer')}
      <form data-transfer class="edit-grid" novalidate>
        ${this.input('team', t('staff.team'), this.picker('transfer', 'team', this.directory.teams, this.order.team), '', 'transfer')}
        ${this.input('area', t('staff.area'), this.picker('transfer', 'area', this.directory.areas, this.order.area), '', 'transfer')}
        ${this.input('reason', `${t('staff.reason')} *`, html`<input id="transfer-reason" name="reason" required maxlength="2000"
          ${this.fieldError('transfer', 'reason')}>`, 'wide', 'transfer')}
        <div class="form-actions wide"><button type="submit" class="button">${t('staff.transfer')}</button></div>
      </form>
    </section>`;
  }

  commentsSection() {
    return html`<section aria-labelledby="comments-h" class="staff-box" data-comments>
      <h2 id="comments-h">${t('staff.comments')}</h2>
      ${this.comments.length ? html`<ol class="comments">${this.comments.map(c => html`
        <li class="comment vis-${c.visibility}" data-visibility="${c.visibility}">
          <p class="comment-head"><strong>${c.author?.name ?? t('system')}</strong> ${when(c.createdAt)}
            ${c.visibility === 'INTERNAL' ? html`<span class="internal-badge">${t('staff.internalBadge')}</span>` : ''}</p>
          <p class="comment-body">${c.body}</p>
        </li>`)}</ol>` : html`<p class="muted">${t('staff.noComments')}</p>`}
      ${this.message('comment')}
      <form data-comment class="comment-form">
        <label for="comment-body">${t('staff.comment')}</label>
        <textarea id="comment-body" name="body" rows="3" required ${this.fieldError('comment', 'body')}></textarea>
        ${this.errorText('comment', 'body')}
        <fieldset class="visibility">
          <legend>${t('staff.visibility')}</legend>
          <label><input type="radio" name="visibility" value="PUBLIC" checked> ${t('staff.public')}</label>
          <label><input type="radio" name="visibility" value="INTERNAL"> ${t('staff.internal')}</label>
        </fieldset>
        <button type="submit" class="button">${t('staff.addComment')}</button>
      </form>
    </section>`;
  }

  historySection() {
    const entries = [...this.history.map(e => ({ at: e.at, event: e })), ...this.traces.map(r => ({ at: r.at, trace: r }))]
      .sort((a, b) => b.at.localeCompare(a.at));
    return html`<section aria-labelledby="history-h" class="staff-box">
      <h2 id="history-h">${t('staff.history')}</h2>
      <ol class="timeline" data-history>
        ${entries.map(({ event, trace }) => event ? html`
          <li class="entry kind-${event.kind} vis-${event.visibility}">
            ${when(event.at)}
            <span class="what">${describe(event)}</span>
            ${event.visibility === 'INTERNAL' ? html` <span class="internal-badge">${t('staff.internalBadge')}</span>` : ''}
            ${event.comment ? html`<blockquote>${event.comment}</blockquote>` : ''}
          </li>` : html`
          <li class="entry rule-trace outcome-${trace.outcome}" data-rule="${trace.rule}">
            ${when(trace.at)}
            <span class="what">${t('staff.rule', { name: trace.ruleName ?? trace.rule, version: trace.configVersion,
              event: trace.event, outcome: trace.outcome })}</span>
            ${effects(trace) ? html`<span class="muted"> ${t('staff.ruleEffects', { effects: effects(trace) })}</span>` : ''}
          </li>`)}
      </ol>
    </section>`;
  }

  /** A team or area picker: "—" for none, names in the user's language (the key without one), the current one chosen. */
  picker(where, name, places, current) {
    const known = places.some(p => p.key === current);
    return html`<select id="${where}-${name}" name="${name}" ${this.fieldError(where, name)}>
      <option value="">—</option>
      ${places.map(p => html`<option value="${p.key}" ${p.key === current ? 'selected' : ''}>${localName(p.name, p.key)}</option>`)}
      ${current && !known ? html`<option value="${current}" selected>${current}</option>` : ''}
    </select>`;
  }

  input(name, label, controlHtml, extra = '', where = 'edit') {
    return html`<div class="filter ${extra}">${label ? html`<label for="${where}-${name}">${label}</label>` : ''}
      ${controlHtml}${this.errorText(where, name)}</div>`;
  }

  fieldError(where, field) {
    return this.errors[`${where}:${field}`]
      ? html`aria-invalid="true" aria-describedby="${where}-${field.replace(/\W/g, '_')}-error"` : '';
  }

  errorText(where, field) {
    const message = this.errors[`${where}:${field}`];
    return message ? html`<p class="field-error" id="${where}-${field.replace(/\W/g, '_')}-error">${message}</p>` : '';
  }

  message(where) {
    const m = this.messages[where];
    return html`<div data-message="${where}">${m ? html`<p class="notice notice-${m.kind}" role="${m.kind === 'ok' ? 'status' : 'alert'}">
      ${m.text}${m.kind === 'warning' ? html` <button type="button" class="button-quiet" data-reload>${t('staff.reload')}</button>` : ''}</p>` : ''}</div>`;
  }

  drawMessages() {
    for (const box of this.querySelectorAll('[data-message]')) {
      box.outerHTML = this.message(box.dataset.message).toString();
    }
    this.querySelectorAll('[data-reload]').forEach(b => b.addEventListener('click', () => { this.messages = {}; this.dirty = false; this.load(); }));
  }

  wire() {
    this.querySelectorAll('[data-reload]').forEach(b => b.addEventListener('click', () => { this.messages = {}; this.dirty = false; this.load(); }));
    this.querySelectorAll('[data-move]').forEach(button => button.addEventListener('click', () => {
      const move = this.transitions.find(m => m.to === button.dataset.move);
      if (move.requireComment || move.missingFields?.length) {
        this.pendingMove = move.to;
        this.renderKeepingInput();
        this.querySelector('#move-comment')?.focus();
      } else {
        this.send('move', '/transitions', { to: move.to });
      }
    }));
    const moveForm = this.querySelector('[data-move-form]');
    moveForm?.addEventListener('submit', async event => {
      event.preventDefault();
      const comment = String(new FormData(moveForm).get('comment')).trim();
      this.send('move', '/transitions', { to: moveForm.dataset.moveForm, comment: comment || undefined });
    });
    this.querySelector('[data-move-cancel]')?.addEventListener('click', () => { this.pendingMove = null; this.renderKeepingInput(); });
    const edit = this.querySelector('[data-edit]');
    edit.addEventListener('input', () => {
      this.dirty = true;
      this.live.refresh(edit);
    });
    edit.addEventListener('change', event => {
      this.live.touch(event);
      this.live.refresh(edit);
    });
    edit.addEventListener('submit', event => { event.preventDefault(); this.save(edit); });
    edit.addEventListener('change', event => {
      if (!event.target.matches('input[data-files]')) return;
      this.dirty = true;
      const field = editableFields(this.form).find(f => f.key === event.target.closest('[data-field]').dataset.field);
      for (const staged of stageFiles(event.target, field)) {
        const sent = staged.finally(() => this.pending.delete(sent));
        this.pending.add(sent);
      }
    });
    edit.addEventListener('click', event => {
      const button = event.target.closest('[data-unstage]');
      if (!button) return;
      this.dirty = true;
      const block = button.closest('[data-field]');
      unstageFile(button);
      block.querySelector('input[data-files]')?.focus();
    });
    const assign = this.querySelector('[data-assign]');
    assign?.addEventListener('submit', event => {
      event.preventDefault();
      const data = new FormData(assign);
      const body = { assignee: data.get('assignee') || undefined, team: String(data.get('team')).trim() || undefined,
        reason: String(data.get('reason')).trim() || undefined };
      this.send('assign', '/assignment', body);
    });
    const transfer = this.querySelector('[data-transfer]');
    transfer.addEventListener('submit', event => {
      event.preventDefault();
      const data = new FormData(transfer);
      const body = {};
      const moved = ['team', 'area'].some(key => data.get(key) && data.get(key) !== this.order[key]);
      for (const key of ['team', 'area', 'reason']) {
        const value = String(data.get(key)).trim();
        // the picker starts on where the order is: only what changes is sent, unless nothing does (the server says so)
        if (value && (key === 'reason' || !moved || value !== this.order[key])) body[key] = value;
      }
      this.send('transfer', '/transfer', body);
    });
    const comment = this.querySelector('[data-comment]');
    comment.addEventListener('submit', event => {
      event.preventDefault();
      const data = new FormData(comment);
      this.sendComment(String(data.get('body')).trim(), data.get('visibility'));
    });
  }

  /** Comments need no version: they never conflict with another change. */
  async sendComment(body, visibility) {
    this.messages = {};
    this.errors = {};
    this.busy = true;
    this.setAttribute('aria-busy', 'true');
    try {
      await api(this.path('/comments'), { method: 'POST', headers: JSON_HEADERS, body: JSON.stringify({ body, visibility }) });
      await this.load(['data-edit', FORMS.comment]);
      this.messages.comment = { kind: 'ok', text: t('staff.saved') };
      this.drawMessages();
    } catch (error) {
      this.messages.comment = problemMessage(error);
      (error.problem?.errors ?? []).forEach(e => { this.errors[`comment:${e.field}`] = e.message; });
      this.renderKeepingInput();
    } finally {
      this.settle();
    }
  }
}

function problemMessage(error) {
  if (!(error instanceof ApiError)) return { kind: 'error', text: t('staff.failed', { status: error.message }) };
  if (error.status === 409 || error.status === 412 || error.status === 428) {
    const stale = error.problem?.type?.endsWith('/stale-version') || error.status !== 409;
    return { kind: stale ? 'warning' : 'error', text: stale ? t('staff.conflict') : error.problem?.detail ?? error.message };
  }
  if (error.status === 422) {
    const general = (error.problem?.errors ?? []).length ? t('staff.invalid') : error.problem?.detail;
    return { kind: 'error', text: general ?? t('staff.invalid') };
  }
  if (error.status === 403) return { kind: 'error', text: error.problem?.detail ?? t('staff.forbidden') };
  return { kind: 'error', text: error.problem?.detail ?? t('staff.failed', { status: error.status }) };
}

function formFields(form) {
  return (form?.sections ?? []).flatMap(s => s.fields ?? []);
}

/** The agent form's fields this page can edit (others are shown as values). */
function editableFields(form) {
  return formFields(form).filter(f => !f.readOnly);
}

/** Field types whose controls take the grid's whole width. */
const WIDE = ['longtext', 'multiselect', 'location'];

/** Whether a value read from the form is the order's: an unticked box is no change to a yes/no never answered. */
function unchanged(field, value, stored) {
  if (field.type === 'attachment') return sameFiles(value, stored);
  if (same(emptied(value), stored ?? null)) return true;
  if (field.type === 'boolean') return value === false && stored == null;
  if (field.type === 'datetime' && value && stored) return Date.parse(value) === Date.parse(stored);
  return false;
}

/** A changed value as the API takes it: an attachment field's files by id or upload, an emptied list as null. */
function sendable(field, value) {
  const given = emptied(value);
  return field.type === 'attachment' && given ? filesValue(given) : given;
}

/** No item chosen clears a list field. */
function emptied(value) {
  return Array.isArray(value) && !value.length ? null : value;
}

/**
 * Whether an attachment field still names the files it stores: then it is not sent, so that a file the server no
 * longer knows never blocks an unrelated edit.
 */
function sameFiles(value, stored) {
  const ids = files => [files ?? []].flat().map(file => file.id ?? `upload:${file.upload}`).join(',');
  return ids(value) === ids(stored);
}

function checkable(element) {
  return element.type === 'radio' || element.type === 'checkbox';
}

function localInput(iso) {
  if (!iso) return '';
  const d = new Date(iso);
  return new Date(d.getTime() - d.getTimezoneOffset() * 60000).toISOString().slice(0, 16);
}

function show(value) {
  const files = attachmentRefs(value);
  if (files) {
    return html`<ul class="field-files">${files.map(file => html`<li data-attachment-id="${file.id}"
      >${file.name}</li>`)}</ul>`;
  }
  return typeof value === 'object' && value !== null ? JSON.stringify(value) : String(value);
}

/** An attachment field's value, `{id, name}` or a list of them (the order's files, docs/attachments.md); else null. */
function attachmentRefs(value) {
  const items = Array.isArray(value) ? value : [value];
  const file = item => item !== null && typeof item === 'object' && typeof item.id === 'string'
    && typeof item.name === 'string' && Object.keys(item).length === 2;
  return items.length && items.every(file) ? items : null;
}

/** A trace's effects are `{effect: {type, ...}, status}`; the page names their types. */
function effects(trace) {
  return Array.isArray(trace.effects) && trace.effects.length
    ? trace.effects.map(e => (e.effect ?? e).type ?? JSON.stringify(e)).join(', ') : '';
}

function when(iso) {
  return html`<time datetime="${iso}">${formatDateTime(iso)}</time>`;
}

function fact(label, value) {
  return html`<div class="fact"><dt>${label}</dt><dd>${value}</dd></div>`;
}

function describe(entry) {
  const params = {
    actor: entry.actor?.name ?? t('system'),
    field: entry.field ?? '',
    from: entry.field === 'status' ? stateName(entry.from) : entry.from ?? '—',
    to: entry.field === 'status' ? stateName(entry.to) : entry.to ?? '—',
  };
  switch (entry.kind) {
    case 'CREATED': case 'STATUS_CHANGED': case 'COMMENTED': case 'UPDATED': case 'TRANSFERRED': case 'SLA_BREACHED':
      return t(`event.${entry.kind}`, params);
    case 'ASSIGNED':
      return t(entry.field === 'team' ? 'event.ASSIGNED.team' : 'event.ASSIGNED.assignee', params);
    default:
      return t('event.other', params);
  }
}

customElements.define('orden-staff-order', OrdenStaffOrder);
