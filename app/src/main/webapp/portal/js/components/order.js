import { api, ApiError } from '../api.js';
import { html } from '../html.js';
import { formatDateTime, lang, localName, statusName, t } from '../i18n.js';
import { errorView, LivePage, notFoundView, statusBadge } from './common.js';
import { valuesView } from './form/fields.js';
import { showOrderExtras } from './requester/order-extras.js';
import './attachments.js';

/** One order: its details and its public history, read again whenever the live stream says it changed. */
class OrdenOrder extends LivePage {
  connectedCallback() {
    this.reference = this.getAttribute('ref');
    this.order = null;
    this.history = [];
    this.state = 'loading';
    this.announcement = '';
    super.connectedCallback();
  }

  async load() {
    const path = `/workorders/${encodeURIComponent(this.reference)}`;
    const request = this.request = (this.request ?? 0) + 1;
    try {
      const [order, history] = await Promise.all([api(path), api(`${path}/history`)]);
      if (request !== this.request) return; // a later reload is under way: it draws the newer state
      const before = this.order?.status;
      this.order = order;
      this.history = history;
      this.state = 'ready';
      if (before && before !== order.status) {
        this.announcement = t('order.updatedLive', { status: localName(order.statusName, statusName(order.status)) });
      }
    } catch (error) {
      if (request !== this.request) return;
      // 404 is also what another tenant's order, or someone else's, answers: the same page for both.
      this.state = error instanceof ApiError && error.status === 404 ? 'not-found' : 'error';
      this.error = error;
    }
    this.render();
  }

  /** The type's requester form in the page's language: it labels the order's details. */
  async loadForm(type) {
    const key = `${type}|${lang()}`;
    if (this.formKey === key) return;
    this.formKey = key;
    const form = await api(`/types/${encodeURIComponent(type)}/form?audience=requester`).catch(() => null);
    if (this.formKey !== key) return;
    this.form = form;
    this.render();
  }

  changed({ type, data }) {
    if (this.state !== 'ready') return;
    if (type === 'resync' || data?.id === this.order.id) this.load();
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
    const details = valuesView(this.form, order.customFields);
    this.innerHTML = html`
      <p class="crumbs"><a href="/portal/" data-link>← ${t('order.back')}</a></p>
      <article class="order-page" data-order="${order.number}" data-version="${order.version}">
        <header class="order-head">
          <h1><span class="order-number">${order.number}</span> ${order.title}</h1>
          ${statusBadge(order)}
        </header>
        <p class="visually-hidden" role="status" aria-live="polite">${this.announcement}</p>
        <dl class="facts">
          ${fact(t('order.status'), localName(order.statusName, statusName(order.status)))}
          ${fact(t('order.priority'), t(`priority.${order.priority}`))}
          ${fact(t('order.assignee'), order.assignee?.name ?? t('order.unassigned'))}
          ${fact(t('order.created'), dateTime(order.createdAt))}
          ${fact(t('order.updated'), dateTime(order.updatedAt))}
          ${order.dueAt ? fact(t('order.due'), dateTime(order.dueAt)) : ''}
        </dl>
        ${order.description ? html`
          <section aria-labelledby="description"><h2 id="description">${t('order.description')}</h2>
            <p class="description">${order.description}</p></section>` : ''}
        ${details ? html`
          <section aria-labelledby="details"><h2 id="details">${t('order.details')}</h2>${details}</section>` : ''}
        <orden-attachments order="${order.id}"></orden-attachments>
        <section aria-labelledby="timeline">
          <h2 id="timeline">${t('order.timeline')}</h2>
          <ol class="timeline">
            ${[...this.history].reverse().map(entry => html`
              <li class="entry kind-${entry.kind}">
                ${dateTime(entry.at)}
                <span class="what">${describe(entry)}</span>
                ${entry.comment ? html`<blockquote>${entry.comment}</blockquote>` : ''}
              </li>`)}
          </ol>
        </section>
      </article>`.toString();
    if (files?.getAttribute('order') === order.id) this.querySelector('orden-attachments').replaceWith(files);
    showOrderExtras(this, order);
    this.loadForm(order.type);
  }
}

function dateTime(iso) {
  return html`<time datetime="${iso}">${formatDateTime(iso)}</time>`;
}

function fact(label, value) {
  return html`<div class="fact"><dt>${label}</dt><dd>${value}</dd></div>`;
}

/** One history entry as a sentence; the comment or reason, if any, is shown under it. */
function describe(entry) {
  const params = {
    actor: entry.actor?.name ?? t('system'),
    field: entry.field ?? '',
    from: entry.field === 'status' ? localName(entry.fromName, statusName(entry.from)) : entry.from ?? '—',
    to: entry.field === 'status' ? localName(entry.toName, statusName(entry.to)) : entry.to ?? '—',
  };
  switch (entry.kind) {
    case 'CREATED': case 'STATUS_CHANGED': case 'COMMENTED': case 'UPDATED': case 'TRANSFERRED': case 'SLA_BREACHED':
    case 'RATED': case 'ATTACHMENT_ADDED': case 'ATTACHMENT_REMOVED': case 'SCHEDULED':
      return t(`event.${entry.kind}`, params);
    case 'ASSIGNED':
      return t(entry.field === 'team' ? 'event.ASSIGNED.team' : 'event.ASSIGNED.assignee', params);
    default:
      return t('event.other', params);
  }
}

customElements.define('orden-order', OrdenOrder);
