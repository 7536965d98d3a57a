import { api, ApiError } from '../../api.js';
import { html } from '../../html.js';
import { addMessages, lang, t } from '../../i18n.js';
import { errorView, LivePage } from '../common.js';
import { isEmpty } from './conditions.js';
import { fieldView, LiveFields, sectionsView, stageFiles, unstageFile } from '../form/fields.js';

addMessages({
  en: {
    'nav.newOrder': 'New order',
    'form.title': 'New order',
    'form.type': 'Type of work',
    'form.noForm': 'This type has no extra fields: a title and a description are enough.',
    'form.orderTitle': 'Title',
    'form.orderTitleHelp': 'In a few words: what happens?',
    'form.description': 'Description',
    'form.priority': 'Priority',
    'form.submit': 'Send order',
    'form.sending': 'Sending…',
    'form.invalid': 'Some fields need your attention: {n}.',
    'form.failed': 'The order could not be sent ({status}). Try again.',
  },
  es: {
    'nav.newOrder': 'Nueva orden',
    'form.title': 'Nueva orden',
    'form.type': 'Tipo de trabajo',
    'form.noForm': 'Este tipo no tiene campos adicionales: basta con un título y una descripción.',
    'form.orderTitle': 'Título',
    'form.orderTitleHelp': 'En pocas palabras: ¿qué ocurre?',
    'form.description': 'Descripción',
    'form.priority': 'Prioridad',
    'form.submit': 'Enviar orden',
    'form.sending': 'Enviando…',
    'form.invalid': 'Hay campos que revisar: {n}.',
    'form.failed': 'No se pudo enviar la orden ({status}). Inténtalo de nuevo.',
  },
});

const PRIORITIES = ['LOW', 'NORMAL', 'HIGH', 'URGENT'];
const BUILT_IN = [
  { key: 'title', type: 'text', required: true, maxLength: 200 },
  { key: 'description', type: 'longtext', maxLength: 20000 },
];

/**
 * A new work order: the type chosen from the tenant's types, then that type's form rendered from the configuration.
 * Conditional fields show and hide as values change, each field is checked as the server would on change and on
 * submit, and the server's 422 errors land on their fields.
 */
class OrdenNewOrder extends LivePage {
  connectedCallback() {
    this.state = 'loading';
    this.types = [];
    this.type = null;
    this.form = null;
    this.priority = null;
    this.live = new LiveFields(() => this.fields, BUILT_IN);
    this.pending = new Set();
    super.connectedCallback();
  }

  async load() {
    this.loadedLang = lang();
    try {
      this.types = await api('/types');
      this.type ??= this.types[0]?.key ?? null;
      await this.loadForm();
      this.state = 'ready';
    } catch (error) {
      this.state = 'error';
      this.error = error;
    }
    this.render();
  }

  /** The chosen type's requester form; a type without one (404) has only the built-in fields. */
  async loadForm() {
    if (!this.type) return;
    try {
      this.form = await api(`/types/${encodeURIComponent(this.type)}/form?audience=requester`);
    } catch (error) {
      if (!(error instanceof ApiError && error.status === 404)) throw error;
      this.form = null;
    }
  }

  changed() {
    // Live changes of orders say nothing about a form being filled in.
  }

  get fields() {
    return (this.form?.sections ?? []).flatMap(section => section.fields);
  }

  render() {
    document.title = `${t('form.title')} · Orden`;
    if (this.state === 'ready' && this.loadedLang !== lang()) {
      this.load(); // the labels come from the configuration in the chosen language
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
    this.innerHTML = this.view().toString();
    this.wire();
    this.refresh();
  }

  view() {
    const chosen = this.types.find(type => type.key === this.type);
    const priority = this.priority ?? chosen?.defaultPriority ?? 'NORMAL';
    const values = this.live.values;
    return html`
      <h1>${t('form.title')}</h1>
      <form class="order-form" novalidate data-type="${this.type}">
        <div class="form-alert" role="alert" tabindex="-1" hidden></div>
        <div class="field">
          <label for="f-type">${t('form.type')}</label>
          <select id="f-type" name="type">${this.types.map(type => html`
            <option value="${type.key}" ${type.key === this.type ? 'selected' : ''}>${type.name}</option>`)}</select>
        </div>
        ${fieldView({ ...BUILT_IN[0], label: t('form.orderTitle'), help: t('form.orderTitleHelp') },
          values.title, true)}
        ${fieldView({ ...BUILT_IN[1], label: t('form.description') }, values.description, false)}
        <div class="field">
          <label for="f-priority">${t('form.priority')}</label>
          <select id="f-priority" name="priority">${PRIORITIES.map(p => html`
            <option value="${p}" ${p === priority ? 'selected' : ''}>${t(`priority.${p}`)}</option>`)}</select>
        </div>
        ${this.form ? sectionsView(this.form, values) : html`<p class="muted">${t('form.noForm')}</p>`}
        <p><button type="submit" class="button">${t('form.submit')}</button></p>
      </form>`;
  }

  wire() {
    const form = this.querySelector('form');
    form.querySelector('#f-type').addEventListener('change', event => this.chooseType(event.target.value));
    form.querySelector('#f-priority').addEventListener('change', event => {
      this.priority = event.target.value;
    });
    form.addEventListener('input', () => this.refresh());
    form.addEventListener('click', event => {
      const button = event.target.closest('[data-unstage]');
      if (button) this.unstage(button);
    });
    form.addEventListener('change', event => {
      if (event.target.matches('input[data-files]')) this.stage(event.target);
      this.live.touch(event);
      this.refresh();
    });
    form.addEventListener('submit', event => {
      event.preventDefault();
      this.submit();
    });
  }

  async chooseType(type) {
    const { title, description } = this.live.read(this);
    this.type = type;
    this.priority = null;
    this.live = new LiveFields(() => this.fields, BUILT_IN);
    Object.assign(this.live.values, { title, description });
    try {
      await this.loadForm();
    } catch (error) {
      this.state = 'error';
      this.error = error;
    }
    this.render();
    this.querySelector('#f-type')?.focus();
  }

  refresh() {
    this.live.refresh(this);
  }

  async submit() {
    const button = this.querySelector('button[type=submit]');
    if (this.pending.size) { // files still going up are part of what is sent
      button.disabled = true;
      await Promise.allSettled([...this.pending]);
      button.disabled = false;
    }
    this.live.touchAll();
    this.refresh();
    const alert = this.querySelector('.form-alert');
    if (this.live.countErrors()) return this.reportErrors(alert);
    button.disabled = true;
    button.textContent = t('form.sending');
    try {
      const order = await api('/workorders', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(this.body()),
      });
      this.open(order.number);
    } catch (error) {
      button.disabled = false;
      button.textContent = t('form.submit');
      this.serverErrors(error, alert);
    }
  }

  /**
   * Files picked in an attachment field go up at once, each as a staged upload with its progress bar; the field's
   * value is then their upload ids, which the create request names (the server links them to the new order).
   */
  stage(input) {
    const field = this.fields.find(f => f.key === input.closest('[data-field]').dataset.field);
    for (const staged of stageFiles(input, field)) {
      const sent = staged.finally(() => {
        this.pending.delete(sent);
        this.live.touched.add(field.key);
        this.refresh();
        const alert = this.querySelector('.form-alert');
        if (alert && !this.live.countErrors()) alert.hidden = true; // the file was what was missing
      });
      this.pending.add(sent);
    }
  }

  /** A staged file taken out of the form: gone from the field, and removed on the server (or left to expire). */
  unstage(button) {
    const block = button.closest('[data-field]');
    unstageFile(button);
    this.live.touched.add(block.dataset.field);
    this.refresh();
    block.querySelector('input[data-files]')?.focus();
  }

  open(number) {
    history.pushState(null, '', `/portal/workorders/${encodeURIComponent(number)}`);
    window.dispatchEvent(new PopStateEvent('popstate'));
  }

  /** What the API takes: the built-in fields and the visible, editable custom fields that hold a value. */
  body() {
    const { title, description } = this.live.values;
    const body = { type: this.type, title, priority: this.querySelector('#f-priority').value,
      customFields: this.live.customFields() };
    if (!isEmpty(description)) body.description = description;
    return body;
  }

  /** A 422's errors on their fields (customFields.<key> on the custom field); what matches no field is said above. */
  serverErrors(error, alert) {
    const listed = error instanceof ApiError && error.status === 422 ? error.problem?.errors ?? [] : [];
    if (!listed.length) {
      alert.hidden = false;
      // A flow rule's rejection says why in its own words (text, never markup).
      const rejected = error.problem?.type?.endsWith('/rule-rejected') && error.problem.detail;
      alert.textContent = rejected || t('form.failed', { status: error.status ?? error.message });
      alert.focus();
      return;
    }
    this.reportErrors(alert, this.live.serverErrors(this, listed));
  }

  /** Says how many fields need attention and moves focus to the first of them. */
  reportErrors(alert, extra = []) {
    alert.hidden = false;
    alert.textContent = [t('form.invalid', { n: this.live.countErrors() + extra.length }), ...extra].join(' ');
    const first = this.querySelector('[aria-invalid="true"]');
    (first ?? alert).focus();
  }
}

customElements.define('orden-new-order', OrdenNewOrder);
