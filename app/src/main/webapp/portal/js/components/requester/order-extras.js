import { api, ApiError } from '../../api.js';
import { html } from '../../html.js';
import { addMessages, t } from '../../i18n.js';
import { session } from '../../session.js';
import { ratingFormView, ratingView, wireRatingForm } from './rating.js';

addMessages({
  en: {
    'comment.title': 'Add a comment',
    'comment.label': 'Your comment',
    'comment.help': 'Everyone working on the order sees it.',
    'comment.submit': 'Send comment',
    'comment.required': 'Write something first.',
    'comment.sent': 'Comment added.',
    'comment.failed': 'The comment could not be sent ({status}).',
    'event.RATED': '{actor} rated it {to} of 5',
  },
  es: {
    'comment.title': 'Añadir un comentario',
    'comment.label': 'Tu comentario',
    'comment.help': 'Lo ve todo el que trabaja en la orden.',
    'comment.submit': 'Enviar comentario',
    'comment.required': 'Escribe algo primero.',
    'comment.sent': 'Comentario añadido.',
    'comment.failed': 'No se pudo enviar el comentario ({status}).',
    'event.RATED': '{actor} la valoró con {to} de 5',
  },
});

const COMPLETED = ['resolved', 'closed'];

/**
 * Below an order's page: a public comment form and, for the requester of a completed order, its rating (the form
 * until they rate, then their rating). Kept apart from the page, which redraws on every live change, so that text
 * being typed survives; the page tells it of each version it read (`show(order)`).
 */
class OrdenOrderExtras extends HTMLElement {
  connectedCallback() {
    if (this.drawn) return;
    this.drawn = true;
    this.onLang = () => this.draw();
    window.addEventListener('orden:lang', this.onLang);
    this.draw();
  }

  disconnectedCallback() {
    if (!this.isConnected) window.removeEventListener('orden:lang', this.onLang);
    this.drawn = false;
  }

  /** The order as the page last read it; the rating part follows its status. */
  show(order) {
    const before = this.order;
    this.order = order;
    if (!before || before.statusCategory !== order.statusCategory) this.loadRating();
  }

  async loadRating() {
    const order = this.order;
    this.rating = undefined;
    if (!this.mayRate(order)) return this.drawRating();
    try {
      this.rating = await api(`/workorders/${encodeURIComponent(order.id)}/satisfaction`);
    } catch (error) {
      this.rating = error instanceof ApiError && error.status === 404 ? null : undefined;
    }
    this.drawRating();
  }

  mayRate(order) {
    return COMPLETED.includes(order.statusCategory) && order.requester?.id === session()?.id;
  }

  draw() {
    const typed = this.querySelector('#comment-body')?.value ?? '';
    this.innerHTML = html`
      <form class="comment-form" novalidate aria-labelledby="comment-title">
        <h2 id="comment-title">${t('comment.title')}</h2>
        <div class="field" data-field="body">
          <label for="comment-body">${t('comment.label')}</label>
          <textarea id="comment-body" name="body" rows="3" maxlength="10000"
            aria-describedby="comment-help e-body"></textarea>
          <p class="help" id="comment-help">${t('comment.help')}</p>
          <p class="field-error" id="e-body"></p>
        </div>
        <p><button type="submit" class="button">${t('comment.submit')}</button>
          <span class="muted" role="status" data-comment-status></span></p>
      </form>
      <div data-rating-part></div>`.toString();
    this.querySelector('#comment-body').value = typed;
    this.querySelector('form').addEventListener('submit', event => {
      event.preventDefault();
      this.sendComment();
    });
    this.drawRating();
  }

  async sendComment() {
    const box = this.querySelector('#comment-body');
    const error = this.querySelector('#e-body');
    const status = this.querySelector('[data-comment-status]');
    const body = box.value.trim();
    status.textContent = '';
    this.markInvalid(box, error, body ? '' : t('comment.required'));
    if (!body) return box.focus();
    const button = this.querySelector('.comment-form button');
    button.disabled = true;
    try {
      await api(`/workorders/${encodeURIComponent(this.order.id)}/comments`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ body, visibility: 'PUBLIC' }),
      });
      box.value = '';
      status.textContent = t('comment.sent');
      this.reload?.(); // the live stream would tell too; the writer sees it at once
    } catch (failure) {
      const listed = failure.status === 422 ? failure.problem?.errors ?? [] : [];
      this.markInvalid(box, error, listed.map(e => e.message).join(' ')
        || t('comment.failed', { status: failure.status ?? failure.message }));
      box.focus();
    } finally {
      button.disabled = false;
    }
  }

  markInvalid(control, place, message) {
    place.textContent = message;
    if (message) control.setAttribute('aria-invalid', 'true');
    else control.removeAttribute('aria-invalid');
  }

  drawRating(thanks = false) {
    const part = this.querySelector('[data-rating-part]');
    if (!part) return;
    if (!this.order || !this.mayRate(this.order) || this.rating === undefined) {
      part.replaceChildren();
      return;
    }
    if (this.rating) {
      part.innerHTML = ratingView(this.rating, thanks).toString();
      return;
    }
    part.innerHTML = ratingFormView().toString();
    wireRatingForm(part.querySelector('form'), rating => api(
      `/workorders/${encodeURIComponent(this.order.id)}/satisfaction`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(rating),
      }), rating => {
      this.rating = rating;
      this.drawRating(true);
      this.reload?.(); // the history's new entry
      part.querySelector('h2')?.setAttribute('tabindex', '-1');
      part.querySelector('h2')?.focus();
    });
  }
}

customElements.define('orden-order-extras', OrdenOrderExtras);

/** Puts the extras after the order's page (once) and tells them of the order just read. */
export function showOrderExtras(page, order) {
  page.extras ??= document.createElement('orden-order-extras');
  page.extras.reload = () => page.load();
  if (!page.extras.isConnected) page.after(page.extras);
  page.extras.show(order);
}
