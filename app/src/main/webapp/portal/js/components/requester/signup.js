import { html } from '../../html.js';
import { addMessages, lang, t } from '../../i18n.js';

addMessages({
  en: {
    'signup.title': 'Sign your company up',
    'signup.intro': 'Create your company\'s Orden and its first administrator: you.',
    'signup.company': 'Company name',
    'signup.slug': 'Short name (in addresses)',
    'signup.slugHelp': '3 to 40 lower-case letters, digits or hyphens, starting with a letter: e.g. acme-repairs.',
    'signup.adminName': 'Your name',
    'signup.adminEmail': 'Your e-mail',
    'signup.password': 'Password',
    'signup.passwordHelp': 'At least 10 characters.',
    'signup.submit': 'Create my company',
    'signup.sending': 'Creating…',
    'signup.done': 'Your company is ready. Signing you in…',
    'signup.invalid': 'Some fields need your attention.',
    'signup.failed': 'The sign-up did not go through ({status}). Try again.',
    'signup.slugTaken': 'This short name is taken.',
    'signup.emailTaken': 'There is already an account with this e-mail.',
    'signup.haveAccount': 'Already have an account? Sign in',
  },
  es: {
    'signup.title': 'Da de alta tu empresa',
    'signup.intro': 'Crea el Orden de tu empresa y su primer administrador: tú.',
    'signup.company': 'Nombre de la empresa',
    'signup.slug': 'Nombre corto (en las direcciones)',
    'signup.slugHelp': 'De 3 a 40 minúsculas, dígitos o guiones, empezando por una letra: p. ej. acme-reparaciones.',
    'signup.adminName': 'Tu nombre',
    'signup.adminEmail': 'Tu correo electrónico',
    'signup.password': 'Contraseña',
    'signup.passwordHelp': 'Al menos 10 caracteres.',
    'signup.submit': 'Crear mi empresa',
    'signup.sending': 'Creando…',
    'signup.done': 'Tu empresa está lista. Iniciando sesión…',
    'signup.invalid': 'Hay campos que revisar.',
    'signup.failed': 'No se pudo completar el alta ({status}). Inténtalo de nuevo.',
    'signup.slugTaken': 'Ese nombre corto ya está en uso.',
    'signup.emailTaken': 'Ya existe una cuenta con ese correo.',
    'signup.haveAccount': '¿Ya tienes cuenta? Inicia sesión',
  },
});

const FIELDS = [
  { key: 'company', type: 'text', autocomplete: 'organization', max: 200 },
  { key: 'slug', type: 'text', help: 'signup.slugHelp', pattern: /^[a-z][a-z0-9-]{1,38}[a-z0-9]$/ },
  { key: 'adminName', type: 'text', autocomplete: 'name', max: 200 },
  { key: 'adminEmail', type: 'email', autocomplete: 'email', max: 254 },
  { key: 'password', type: 'password', autocomplete: 'new-password', help: 'signup.passwordHelp', min: 10, max: 128 },
];

/**
 * Company sign-up (`/portal/signup`, public): POST /api/v1/signup, its 422 and 409 answers on their fields, and on
 * success Keycloak's login with the new admin's e-mail filled in, back to the portal signed in as them.
 */
class OrdenSignup extends HTMLElement {
  connectedCallback() {
    this.onLang = () => this.render();
    window.addEventListener('orden:lang', this.onLang);
    this.errors = {};
    this.render();
  }

  disconnectedCallback() {
    window.removeEventListener('orden:lang', this.onLang);
  }

  render() {
    const values = Object.fromEntries(FIELDS.map(f => [f.key, this.querySelector(`#s-${f.key}`)?.value ?? '']));
    document.title = `${t('signup.title')} · Orden`;
    this.innerHTML = html`
      <h1>${t('signup.title')}</h1>
      <p class="muted">${t('signup.intro')}</p>
      <form class="signup-form" novalidate>
        <div class="form-alert" role="alert" tabindex="-1" hidden></div>
        ${FIELDS.map(field => html`
          <div class="field" data-field="${field.key}">
            <label for="s-${field.key}">${t(`signup.${field.key}`)}<span class="req"
              aria-hidden="true"> *</span></label>
            <input id="s-${field.key}" name="${field.key}" type="${field.type}" required
              autocomplete="${field.autocomplete ?? 'off'}"
              value="${field.type === 'password' ? '' : values[field.key]}"
              aria-describedby="${field.help ? `h-${field.key} ` : ''}e-${field.key}">
            ${field.help ? html`<p class="help" id="h-${field.key}">${t(field.help)}</p>` : ''}
            <p class="field-error" id="e-${field.key}" data-error-for="${field.key}"></p>
          </div>`)}
        <p><button type="submit" class="button">${t('signup.submit')}</button></p>
        <p><a href="/portal/">${t('signup.haveAccount')}</a></p>
      </form>`.toString();
    this.querySelector('form').addEventListener('submit', event => {
      event.preventDefault();
      this.submit();
    });
    this.show();
  }

  read() {
    return Object.fromEntries(FIELDS.map(f => [f.key, this.querySelector(`#s-${f.key}`).value.trim()]));
  }

  /** The same rules as SignupRequest's, so most mistakes are said before the round trip. */
  check(values) {
    const errors = {};
    for (const field of FIELDS) {
      const value = values[field.key];
      const add = (key, params) => (errors[field.key] ??= []).push(t(key, params));
      if (!value) add('form.required');
      else if (field.pattern && !field.pattern.test(value)) add('form.pattern');
      else if (field.type === 'email' && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(value)) add('form.email');
      else if (field.min && value.length < field.min) add('form.minLength', { n: field.min });
      else if (field.max && value.length > field.max) add('form.maxLength', { n: field.max });
    }
    return errors;
  }

  show(alertText) {
    this.querySelectorAll('[data-error-for]').forEach(place => {
      const messages = this.errors[place.dataset.errorFor] ?? [];
      place.textContent = messages.join(' ');
      const input = this.querySelector(`#s-${place.dataset.errorFor}`);
      if (messages.length) input.setAttribute('aria-invalid', 'true');
      else input.removeAttribute('aria-invalid');
    });
    const alert = this.querySelector('.form-alert');
    alert.hidden = !alertText;
    alert.textContent = alertText ?? '';
    const first = this.querySelector('[aria-invalid="true"]');
    if (alertText) (first ?? alert).focus();
  }

  async submit() {
    const values = this.read();
    values.password = this.querySelector('#s-password').value;
    this.errors = this.check(values);
    if (Object.keys(this.errors).length) return this.show(t('signup.invalid'));
    const button = this.querySelector('button[type=submit]');
    button.disabled = true;
    button.textContent = t('signup.sending');
    const response = await fetch('/api/v1/signup', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json', 'Accept-Language': lang() },
      body: JSON.stringify(values),
    }).catch(() => null);
    if (response?.status === 201) return this.signIn(values.adminEmail);
    button.disabled = false;
    button.textContent = t('signup.submit');
    const problem = await response?.json().catch(() => null);
    this.errors = {};
    if (response?.status === 422) {
      (problem?.errors ?? []).forEach(({ field, message }) => (this.errors[field] ??= []).push(message));
      return this.show(t('signup.invalid'));
    }
    if (response?.status === 409) {
      const slug = /slug/i.test(problem?.detail ?? '');
      this.errors[slug ? 'slug' : 'adminEmail'] = [t(slug ? 'signup.slugTaken' : 'signup.emailTaken')];
      return this.show(t('signup.invalid'));
    }
    this.show(t('signup.failed', { status: response?.status ?? '—' }));
  }

  /** Keycloak's login page with the new admin's e-mail filled in; it comes back to the portal signed in. */
  async signIn(email) {
    this.querySelector('form').innerHTML = html`<p role="status">${t('signup.done')}</p>`.toString();
    const config = await (await fetch('/api/v1/portal/config')).json();
    const keycloak = new window.Keycloak({ url: config.keycloakUrl, realm: config.realm, clientId: config.clientId });
    await keycloak.init({ pkceMethod: 'S256', checkLoginIframe: false });
    await keycloak.login({ loginHint: email, locale: lang(), redirectUri: `${location.origin}/portal/` });
  }
}

customElements.define('orden-signup', OrdenSignup);
