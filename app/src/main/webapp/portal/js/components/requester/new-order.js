import { api, ApiError } from '../../api.js';
import { html } from '../../html.js';
import { addMessages, lang, t } from '../../i18n.js';
import { errorView, LivePage } from '../common.js';
import { problems, visibility, isEmpty } from './conditions.js';
import { fieldView, filesValue, readValue, stageFiles, unstageFile } from './field-controls.js';

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
    'form.choose': '— Choose —',
    'form.requiredMark': '(required)',
    'form.required': 'This field is required.',
    'form.minLength': 'At least {n} characters.',
    'form.maxLength': 'At most {n} characters.',
    'form.pattern': 'This does not have the expected format.',
    'form.email': 'Enter an e-mail address, such as name@example.com.',
    'form.phone': 'Enter an international number: + and 6 to 15 digits.',
    'form.url': 'Enter a web address starting with http:// or https://.',
    'form.number': 'Enter a number.',
    'form.min': 'At least {n}.',
    'form.max': 'At most {n}.',
    'form.decimals': 'At most {n} decimals.',
    'form.date': 'Enter a date.',
    'form.datetime': 'Enter a date and time.',
    'form.option': 'Choose one of the options.',
    'form.minItems': 'Choose at least {n}.',
    'form.maxItems': 'Choose at most {n}.',
    'form.user': 'Enter a user id.',
    'form.address': 'Address',
    'form.lat': 'Latitude',
    'form.lon': 'Longitude',
    'form.latLon': 'Give both latitude and longitude, or neither.',
    'form.lat.range': 'Latitude is between -90 and 90.',
    'form.lon.range': 'Longitude is between -180 and 180.',
    'form.uploading': 'Uploading {name}… {percent} %',
    'form.uploadFailed': '{name} was not added: {reason}',
    'form.unstage': 'Remove {name}', 'form.unstageShort': 'Remove',
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
    'form.choose': '— Elige —',
    'form.requiredMark': '(obligatorio)',
    'form.required': 'Este campo es obligatorio.',
    'form.minLength': 'Al menos {n} caracteres.',
    'form.maxLength': 'Como mucho {n} caracteres.',
    'form.pattern': 'No tiene el formato esperado.',
    'form.email': 'Escribe un correo electrónico, como nombre@ejemplo.com.',
    'form.phone': 'Escribe un número internacional: + y de 6 a 15 dígitos.',
    'form.url': 'Escribe una dirección web que empiece por http:// o https://.',
    'form.number': 'Escribe un número.',
    'form.min': 'Como mínimo {n}.',
    'form.max': 'Como máximo {n}.',
    'form.decimals': 'Como mucho {n} decimales.',
    'form.date': 'Escribe una fecha.',
    'form.datetime': 'Escribe una fecha y una hora.',
    'form.option': 'Elige una de las opciones.',
    'form.minItems': 'Elige al menos {n}.',
    'form.maxItems': 'Elige como mucho {n}.',
    'form.user': 'Escribe un identificador de usuario.',
    'form.address': 'Dirección',
    'form.lat': 'Latitud',
    'form.lon': 'Longitud',
    'form.latLon': 'Indica latitud y longitud, o ninguna.',
    'form.lat.range': 'La latitud está entre -90 y 90.',
    'form.lon.range': 'La longitud está entre -180 y 180.',
    'form.uploading': 'Subiendo {name}… {percent} %',
    'form.uploadFailed': 'No se añadió {name}: {reason}',
    'form.unstage': 'Quitar {name}', 'form.unstageShort': 'Quitar',
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
    this.values = { priority: null };
    this.errors = {};
    this.touched = new Set();
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
    const priority = this.values.priority ?? chosen?.defaultPriority ?? 'NORMAL';
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
          this.values.title, true)}
        ${fieldView({ ...BUILT_IN[1], label: t('form.description') }, this.values.description, false)}
        <div class="field">
          <label for="f-priority">${t('form.priority')}</label>
          <select id="f-priority" name="priority">${PRIORITIES.map(p => html`
            <option value="${p}" ${p === priority ? 'selected' : ''}>${t(`priority.${p}`)}</option>`)}</select>
        </div>
        ${this.form ? this.form.sections.map(section => html`
          <section class="form-section"><h2>${section.title}</h2>
            ${section.fields.map(field => fieldView(field, this.values[field.key] ?? field.default, field.required))}
          </section>`) : html`<p class="muted">${t('form.noForm')}</p>`}
        <p><button type="submit" class="button">${t('form.submit')}</button></p>
      </form>`;
  }

  wire() {
    const form = this.querySelector('form');
    form.querySelector('#f-type').addEventListener('change', event => this.chooseType(event.target.value));
    form.querySelector('#f-priority').addEventListener('change', event => {
      this.values.priority = event.target.value;
    });
    form.addEventListener('input', () => this.refresh());
    form.addEventListener('click', event => {
      const button = event.target.closest('[data-unstage]');
      if (button) this.unstage(button);
    });
    form.addEventListener('change', event => {
      if (event.target.matches('input[data-files]')) this.stage(event.target);
      const key = event.target.closest('[data-field]')?.dataset.field;
      if (key) this.touched.add(key);
      this.refresh();
    });
    form.addEventListener('submit', event => {
      event.preventDefault();
      this.submit();
    });
  }

  async chooseType(type) {
    this.read();
    this.type = type;
    this.values = { title: this.values.title, description: this.values.description, priority: null };
    this.errors = {};
    this.touched = new Set();
    try {
      await this.loadForm();
    } catch (error) {
      this.state = 'error';
      this.error = error;
    }
    this.render();
    this.querySelector('#f-type')?.focus();
  }

  /** The values every field holds now. */
  read() {
    for (const field of [...BUILT_IN, ...this.fields]) {
      const block = this.querySelector(`[data-field="${CSS.escape(field.key)}"]`);
      if (block) this.values[field.key] = readValue(field, block);
    }
  }

  /** Reads the values, then shows and hides the conditional fields and the errors of the fields already touched. */
  refresh() {
    this.read();
    const rules = visibility(this.fields, this.values);
    for (const field of this.fields) {
      const block = this.querySelector(`[data-field="${CSS.escape(field.key)}"]`);
      if (!block) continue;
      block.hidden = !rules.visible(field.key);
      block.querySelector('[data-required-mark]').hidden = !rules.required(field);
    }
    for (const key of this.touched) this.check(key, rules);
    this.show();
  }

  /** Checks one field as the server would; a hidden field has nothing to say. */
  check(key, rules) {
    const field = [...BUILT_IN, ...this.fields].find(f => f.key === key);
    if (!field) return;
    const required = BUILT_IN.includes(field) ? field.required : rules.required(field);
    const found = rules.visible(key) && !field.readOnly ? problems(field, this.values[key], required) : [];
    this.errors[key] = found.map(p => t(p.key, p.params));
  }

  /** Writes each field's errors under it and marks its controls invalid. */
  show() {
    this.querySelectorAll('[data-error-for]').forEach(place => {
      const messages = this.errors[place.dataset.errorFor] ?? [];
      place.textContent = messages.join(' ');
      const block = place.closest('[data-field]');
      block.classList.toggle('invalid', messages.length > 0);
      block.querySelectorAll('input, select, textarea').forEach(control => {
        if (messages.length) control.setAttribute('aria-invalid', 'true');
        else control.removeAttribute('aria-invalid');
      });
    });
  }

  async submit() {
    const button = this.querySelector('button[type=submit]');
    if (this.pending.size) { // files still going up are part of what is sent
      button.disabled = true;
      await Promise.allSettled([...this.pending]);
      button.disabled = false;
    }
    [...BUILT_IN, ...this.fields].forEach(field => this.touched.add(field.key));
    this.refresh();
    const alert = this.querySelector('.form-alert');
    if (this.countErrors()) return this.reportErrors(alert);
    button.disabled = true;
    button.textContent = t('form.sending');
    try {
      const order = await api('/workorders', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(this.body(visibility(this.fields, this.values))),
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
        this.touched.add(field.key);
        this.refresh();
        const alert = this.querySelector('.form-alert');
        if (alert && !this.countErrors()) alert.hidden = true; // the file was what was missing
      });
      this.pending.add(sent);
    }
  }

  /** A staged file taken out of the form: gone from the field, and removed on the server (or left to expire). */
  unstage(button) {
    const block = button.closest('[data-field]');
    unstageFile(button);
    this.touched.add(block.dataset.field);
    this.refresh();
    block.querySelector('input[data-files]')?.focus();
  }

  open(number) {
    history.pushState(null, '', `/portal/workorders/${encodeURIComponent(number)}`);
    window.dispatchEvent(new PopStateEvent('popstate'));
  }

  /** What the API takes: the built-in fields and the visible, editable custom fields that hold a value. */
  body(rules) {
    const customFields = {};
    for (const field of this.fields) {
      const value = this.values[field.key];
      if (!rules.visible(field.key) || field.readOnly || isEmpty(value)) continue;
      customFields[field.key] = field.type === 'attachment' ? filesValue(value) : value;
    }
    const body = { type: this.type, title: this.values.title, priority: this.querySelector('#f-priority').value,
      customFields };
    if (!isEmpty(this.values.description)) body.description = this.values.description;
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
    this.errors = {};
    const elsewhere = [];
    for (const { field, message } of listed) {
      const key = String(field ?? '').replace(/^customFields\./, '');
      if (this.querySelector(`[data-error-for="${CSS.escape(key)}"]`)) (this.errors[key] ??= []).push(message);
      else elsewhere.push(`${field}: ${message}`);
    }
    this.show();
    this.reportErrors(alert, elsewhere);
  }

  countErrors() {
    return Object.values(this.errors).filter(messages => messages.length).length;
  }

  /** Says how many fields need attention and moves focus to the first of them. */
  reportErrors(alert, extra = []) {
    alert.hidden = false;
    alert.textContent = [t('form.invalid', { n: this.countErrors() + extra.length }), ...extra].join(' ');
    const first = this.querySelector('[aria-invalid="true"]');
    (first ?? alert).focus();
  }
}

customElements.define('orden-new-order', OrdenNewOrder);
