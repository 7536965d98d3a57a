import { api } from '../api.js';
import { html } from '../html.js';
import { formatRelative, t } from '../i18n.js';
import { errorView, LivePage, statusBadge } from './common.js';

const PAGE_SIZE = 25;

/** "My orders": the signed-in user's requests, newest change first, kept current by the live stream. */
class OrdenOrders extends LivePage {
  connectedCallback() {
    this.orders = null;
    this.nextCursor = null;
    this.error = null;
    super.connectedCallback();
  }

  async load() {
    const request = this.request = (this.request ?? 0) + 1;
    try {
      const page = await api(`/workorders?requester=me&sort=-updatedAt&limit=${PAGE_SIZE}`);
      if (request !== this.request) return; // a later reload is under way: it draws the newer list
      this.orders = page.items;
      this.nextCursor = page.nextCursor;
      this.error = null;
    } catch (error) {
      if (request !== this.request) return;
      this.error = error;
    }
    this.render();
  }

  async more() {
    try {
      const page = await api(`/workorders?requester=me&sort=-updatedAt&limit=${PAGE_SIZE}`
        + `&cursor=${encodeURIComponent(this.nextCursor)}`);
      this.orders = [...this.orders, ...page.items];
      this.nextCursor = page.nextCursor;
      this.render();
      // Focus the first order just added, so that keyboard users go on where they were.
      this.querySelectorAll('.order-link')[this.orders.length - page.items.length]?.focus();
    } catch (error) {
      this.error = error;
      this.render();
    }
  }

  /** A change to a listed order, a new order or a resync: the list is read again (the event carries no values). */
  changed({ type, data }) {
    if (!this.orders) return;
    const listed = this.orders.some(order => order.id === data?.id);
    if (listed || type === 'workorder.created' || type === 'resync') this.load();
  }

  render() {
    document.title = `${t('orders.title')} · Orden`;
    if (this.error) {
      this.innerHTML = errorView(this.error).toString();
      this.querySelector('[data-retry]')?.addEventListener('click', () => this.load());
      return;
    }
    if (!this.orders) {
      this.innerHTML = html`<h1>${t('orders.title')}</h1><p class="muted" role="status">${t('loading')}</p>`.toString();
      return;
    }
    this.innerHTML = html`
      <h1>${t('orders.title')}</h1>
      ${this.orders.length === 0 ? html`<p class="empty">${t('orders.empty')}</p>` : html`
        <ul class="orders" aria-label="${t('orders.title')}">
          ${this.orders.map(order => html`
            <li class="order" data-number="${order.number}">
              <a class="order-link" href="/portal/workorders/${encodeURIComponent(order.number)}" data-link>
                <span class="order-number">${order.number}</span>
                <span class="order-title">${order.title}</span>
              </a>
              ${statusBadge(order)}
              <span class="order-updated muted">
                <time datetime="${order.updatedAt}">
                  ${t('orders.updated', { when: formatRelative(order.updatedAt) })}</time>
              </span>
            </li>`)}
        </ul>`}
      ${this.nextCursor ? html`<button type="button" class="button" data-more>${t('orders.more')}</button>` : ''}
    `.toString();
    this.querySelector('[data-more]')?.addEventListener('click', () => this.more());
  }
}

customElements.define('orden-orders', OrdenOrders);
