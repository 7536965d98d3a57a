import { html } from '../../html.js';
import { addMessages, formatDateTime, t } from '../../i18n.js';

// The satisfaction rating's form (1–5 stars as radio buttons, and a comment) and the rating once given; used on the
// order page and on the public page of the e-mail's link.

addMessages({
  en: {
    'rating.title': 'Rate this order',
    'rating.intro': 'How satisfied are you with how we handled it?',
    'rating.score': 'Your rating',
    'rating.star': '{n} star', 'rating.stars': '{n} stars',
    'rating.comment': 'Comment (optional)',
    'rating.submit': 'Send rating',
    'rating.required': 'Choose from 1 to 5 stars.',
    'rating.thanks': 'Thank you for your rating.',
    'rating.yours': 'Your rating',
    'rating.given': 'Rated {score} of 5 on {when}',
    'rating.already': 'This order has already been rated.',
    'rating.failed': 'The rating could not be sent ({status}).',
  },
  es: {
    'rating.title': 'Valora esta orden',
    'rating.intro': '¿Qué tal lo hicimos?',
    'rating.score': 'Tu valoración',
    'rating.star': '{n} estrella', 'rating.stars': '{n} estrellas',
    'rating.comment': 'Comentario (opcional)',
    'rating.submit': 'Enviar valoración',
    'rating.required': 'Elige de 1 a 5 estrellas.',
    'rating.thanks': 'Gracias por tu valoración.',
    'rating.yours': 'Tu valoración',
    'rating.given': 'Valorada con {score} de 5 el {when}',
    'rating.already': 'Esta orden ya está valorada.',
    'rating.failed': 'No se pudo enviar la valoración ({status}).',
  },
});

export function ratingFormView() {
  return html`
    <form class="rating-form" novalidate>
      <h2 id="rating-title">${t('rating.title')}</h2>
      <p class="muted">${t('rating.intro')}</p>
      <div class="form-alert" role="alert" hidden></div>
      <fieldset class="field" data-field="score" aria-describedby="e-score">
        <legend>${t('rating.score')}</legend>
        <div class="stars">${[1, 2, 3, 4, 5].map(n => html`
          <input type="radio" name="score" value="${n}" id="score-${n}">
          <label for="score-${n}" data-star="${n}"><span aria-hidden="true">★</span><span
            class="visually-hidden">${t(n === 1 ? 'rating.star' : 'rating.stars', { n })}</span></label>`)}
        </div>
        <p class="field-error" id="e-score" data-error-for="score"></p>
      </fieldset>
      <div class="field" data-field="comment">
        <label for="rating-comment">${t('rating.comment')}</label>
        <textarea id="rating-comment" name="comment" rows="3" maxlength="2000"
          aria-describedby="e-comment"></textarea>
        <p class="field-error" id="e-comment" data-error-for="comment"></p>
      </div>
      <p><button type="submit" class="button">${t('rating.submit')}</button></p>
    </form>`;
}

export function ratingView(rating, thanks = false) {
  const score = rating.score;
  return html`
    <section class="rating-done" data-rating="${score}" aria-labelledby="rating-title">
      <h2 id="rating-title">${t('rating.yours')}</h2>
      ${thanks ? html`<p role="status">${t('rating.thanks')}</p>` : ''}
      <p><span class="stars-shown" aria-hidden="true">${'★'.repeat(score)}${'☆'.repeat(5 - score)}</span>
        ${t('rating.given', { score, when: formatDateTime(rating.ratedAt) })}</p>
      ${rating.comment ? html`<blockquote>${rating.comment}</blockquote>` : ''}
    </section>`;
}

/**
 * Wires the form: stars up to the chosen one lit, a score required before sending, and `send({score, comment})`
 * (which answers the rating or throws an ApiError) with its 422 errors shown on their fields.
 */
export function wireRatingForm(form, send, done) {
  const light = () => {
    const chosen = Number(form.querySelector('input[name=score]:checked')?.value ?? 0);
    form.querySelectorAll('[data-star]')
      .forEach(label => label.classList.toggle('lit', Number(label.dataset.star) <= chosen));
  };
  form.addEventListener('change', light);
  form.addEventListener('submit', async event => {
    event.preventDefault();
    const chosen = form.querySelector('input[name=score]:checked');
    const errors = chosen ? {} : { score: [t('rating.required')] };
    show(form, errors);
    if (!chosen) {
      form.querySelector('input[name=score]').focus();
      return;
    }
    const comment = form.querySelector('textarea').value.trim();
    form.querySelector('button[type=submit]').disabled = true;
    try {
      done(await send({ score: Number(chosen.value), comment: comment || null }));
    } catch (error) {
      form.querySelector('button[type=submit]').disabled = false;
      const listed = error.status === 422 ? error.problem?.errors ?? [] : [];
      const byField = {};
      listed.forEach(({ field, message }) => (byField[field] ??= []).push(message));
      show(form, byField);
      if (!listed.length) {
        const alert = form.querySelector('.form-alert');
        alert.hidden = false;
        alert.textContent = error.status === 409 ? t('rating.already') : t('rating.failed', { status: error.status });
      }
    }
  });
}

function show(form, errors) {
  form.querySelectorAll('[data-error-for]').forEach(place => {
    const messages = errors[place.dataset.errorFor] ?? [];
    place.textContent = messages.join(' ');
    place.closest('[data-field]').querySelectorAll('input, textarea').forEach(control => {
      if (messages.length) control.setAttribute('aria-invalid', 'true');
      else control.removeAttribute('aria-invalid');
    });
  });
}
