import { html } from '../html.js';
import { localName, statusName, t } from '../i18n.js';

/**
 * A page of the portal: drawn at once and then loaded, drawn again when the language changes, and told of each live
 * change (`changed(detail)`) while it is on the page. Subclasses set their state, then call `super.connectedCallback()`.
 */
export class LivePage extends HTMLElement {
  connectedCallback() {
    this.onLang = () => this.render();
    this.onLive = event => this.changed(event.detail);
    window.addEventListener('orden:lang', this.onLang);
    window.addEventListener('orden:live', this.onLive);
    this.render();
    this.load();
  }

  disconnectedCallback() {
    window.removeEventListener('orden:lang', this.onLang);
    window.removeEventListener('orden:live', this.onLive);
  }
}

/** An order's status, coloured by its category (new, open, pending, resolved, closed). */
export function statusBadge(order) {
  return html`<span class="status cat-${order.statusCategory}" data-status="${order.status}"
    title="${t(`category.${order.statusCategory}`)}">${localName(order.statusName, statusName(order.status))}</span>`;
}

export function notFoundView(text) {
  return html`
    <section class="not-found" data-view="not-found">
      <h1>${t('notFound.title')}</h1>
      <p>${text}</p>
      <p><a href="/portal/" data-link>${t('order.back')}</a></p>
    </section>`;
}

export function errorView(error) {
  return html`
    <section class="error" role="alert">
      <h1>${t('error.title')}</h1>
      <p>${t('error.text', { status: error.status ?? error.message })}</p>
      <button type="button" class="button" data-retry>${t('retry')}</button>
    </section>`;
}
