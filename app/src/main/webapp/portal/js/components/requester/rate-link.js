import { html } from '../../html.js';
import { addMessages, lang, t } from '../../i18n.js';
import { ratingFormView, ratingView, wireRatingForm } from './rating.js';

addMessages({
  en: {
    'rateLink.title': 'Rate order {number}',
    'rateLink.expired': 'This rating link has expired. You can still rate the order from the portal after signing in.',
    'rateLink.invalid': 'This rating link is not valid.',
    'rateLink.notCompleted': 'This order is not completed yet: it can be rated once it is.',
    'rateLink.portal': 'Go to the portal',
  },
  es: {
    'rateLink.title': 'Valora la orden {number}',
    'rateLink.expired':
      'Este enlace de valoración ha caducado. Aún puedes valorar la orden desde el portal, iniciando sesión.',
    'rateLink.invalid': 'Este enlace de valoración no es válido.',
    'rateLink.notCompleted': 'Esta orden aún no está completada: podrás valorarla cuando lo esté.',
    'rateLink.portal': 'Ir al portal',
  },
});

/** An API call without a token: the link's token is the permission. */
async function call(path, options = {}) {
  const response = await fetch(`/api/v1${path}`, {
    ...options,
    headers: { Accept: 'application/json', 'Accept-Language': lang(), ...options.headers },
  });
  const body = await response.json().catch(() => null);
  if (!response.ok) {
    const failure = new Error(body?.title ?? `HTTP ${response.status}`);
    throw Object.assign(failure, { status: response.status, problem: body });
  }
  return body;
}

/** The completion e-mail's rating page (`/portal/rate/<token>`): public, no sign-in; the token says which order. */
class OrdenRateLink extends HTMLElement {
  connectedCallback() {
    this.token = this.getAttribute('token');
    this.state = 'loading';
    this.onLang = () => this.render();
    window.addEventListener('orden:lang', this.onLang);
    this.render();
    this.load();
  }

  disconnectedCallback() {
    window.removeEventListener('orden:lang', this.onLang);
  }

  async load() {
    try {
      this.link = await call(`/csat/${encodeURIComponent(this.token)}`);
      this.state = 'ready';
    } catch (error) {
      this.state = error.status === 410 ? 'expired' : error.status === 404 ? 'invalid' : 'error';
      this.error = error;
    }
    this.render();
  }

  render() {
    const message = { loading: t('loading'), expired: t('rateLink.expired'), invalid: t('rateLink.invalid'),
      error: t('error.text', { status: this.error?.status ?? '' }) }[this.state];
    if (message) {
      document.title = 'Orden';
      this.innerHTML = html`<section class="not-found" data-view="${this.state}">
        <p role="${this.state === 'loading' ? 'status' : 'alert'}">${message}</p>
        <p><a href="/portal/">${t('rateLink.portal')}</a></p></section>`.toString();
      return;
    }
    const link = this.link;
    document.title = `${t('rateLink.title', { number: link.number })} · Orden`;
    this.innerHTML = html`
      <h1>${t('rateLink.title', { number: link.number })}</h1>
      <p class="order-title">${link.title}</p>
      <div data-rating-part></div>`.toString();
    const part = this.querySelector('[data-rating-part]');
    if (link.rating) {
      const already = html`<p class="muted" role="status">${t('rating.already')}</p>`;
      part.innerHTML = html`${already}${ratingView(link.rating)}`.toString();
    } else if (!link.completed) {
      part.innerHTML = html`<p role="status">${t('rateLink.notCompleted')}</p>`.toString();
    } else {
      part.innerHTML = ratingFormView().toString();
      wireRatingForm(part.querySelector('form'), rating => call(`/csat/${encodeURIComponent(this.token)}`, {
        method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(rating),
      }), rating => {
        this.link = { ...this.link, rating };
        part.innerHTML = ratingView(rating, true).toString();
      });
    }
  }
}

customElements.define('orden-rate-link', OrdenRateLink);
