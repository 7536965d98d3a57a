import { api, ApiError } from '../../api.js';
import { html } from '../../html.js';
import { t } from '../../i18n.js';
import { session } from '../../session.js';
import { errorView, LivePage } from '../common.js';
import { ROLES } from './messages.js';

/** The problem's message per field (422), or its detail under `form` for anything else. */
export function fieldErrors(error) {
  const errors = {};
  if (error instanceof ApiError && error.status === 422 && error.problem?.errors) {
    for (const e of error.problem.errors) errors[e.field] = errors[e.field] ?? e.message;
  } else {
    errors.form = error.problem?.detail ?? error.message;
  }
  return errors;
}

/** Tenant admins: the organization's people, an invitation form, roles and (de)activation per person. */
class OrdenPeople extends LivePage {
  connectedCallback() {
    this.accounts = null;
    this.error = null;
    this.invite = { email: '', name: '', roles: new Set(['requester']), errors: {}, note: '' };
    this.rows = {};
    super.connectedCallback();
  }

  async load() {
    try {
      this.accounts = await api('/members/accounts');
      this.error = null;
    } catch (error) {
      this.error = error;
    }
    this.render();
  }

  changed() {}

  async sendInvite() {
    const invite = this.invite;
    try {
      const invited = await api('/members', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ email: invite.email, name: invite.name, roles: [...invite.roles] }),
      });
      this.invite = { email: '', name: '', roles: new Set(['requester']), errors: {},
        note: t(invited.invitationEmailSent ? 'people.invited' : 'people.invitedNoMail', { email: invited.email }) };
      await this.load();
      this.querySelector('[data-invite-note]')?.focus();
    } catch (error) {
      invite.errors = fieldErrors(error);
      invite.note = '';
      this.render();
      const first = ['email', 'name', 'roles'].find(f => invite.errors[f]);
      this.querySelector(first === 'roles' ? '[data-invite] input[name=roles]' : `#invite-${first}`)?.focus();
    }
  }

  async change(id, body) {
    const row = this.rows[id] ?? (this.rows[id] = {});
    try {
      const account = await api(`/members/${encodeURIComponent(id)}`, {
        method: 'PATCH',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
      });
      this.accounts = this.accounts.map(a => (a.id === id ? account : a));
      this.rows[id] = { note: t('people.saved') };
    } catch (error) {
      const errors = fieldErrors(error);
      row.error = errors.roles ?? errors.enabled ?? errors.form;
      row.note = '';
    }
    this.render();
    this.querySelector(`[data-person="${CSS.escape(id)}"] [data-row-note]`)?.focus();
  }

  render() {
    document.title = `${t('people.title')} · Orden`;
    if (this.error) {
      this.innerHTML = errorView(this.error).toString();
      this.querySelector('[data-retry]')?.addEventListener('click', () => this.load());
      return;
    }
    this.innerHTML = html`
      <h1>${t('people.title')}</h1>
      ${this.inviteForm()}
      <section class="people" aria-labelledby="people-list">
        <h2 id="people-list">${t('people.list')}</h2>
        ${this.accounts === null ? html`<p class="muted" role="status">${t('loading')}</p>` : html`
          <ul class="people-list">${this.accounts.map(account => this.person(account))}</ul>`}
      </section>`.toString();
    this.wire();
  }

  inviteForm() {
    const { errors, note } = this.invite;
    const field = (name, type, autocomplete) => html`
      <div class="field">
        <label for="invite-${name}">${t(`people.${name}`)}</label>
        <input id="invite-${name}" name="${name}" type="${type}" autocomplete="${autocomplete}"
          value="${this.invite[name]}" aria-invalid="${errors[name] ? 'true' : 'false'}"
          ${errors[name] ? html`aria-describedby="invite-${name}-error"` : ''}>
        ${errors[name] ? html`<p id="invite-${name}-error" class="field-error">${errors[name]}</p>` : ''}
      </div>`;
    return html`
      <section class="people-invite" aria-labelledby="invite-title">
        <h2 id="invite-title">${t('people.invite')}</h2>
        <form data-invite novalidate>
          ${Object.keys(errors).length
            ? html`<p class="field-error" role="alert">${errors.form ?? t('people.fix')}</p>` : ''}
          ${field('email', 'email', 'off')}
          ${field('name', 'text', 'off')}
          <fieldset class="roles" ${errors.roles ? html`aria-describedby="invite-roles-error"` : ''}>
            <legend>${t('people.roles')}</legend>
            ${ROLES.map(role => html`
              <label class="check"><input type="checkbox" name="roles" value="${role}"
                ${this.invite.roles.has(role) ? 'checked' : ''}> ${t(`role.${role}`)}</label>`)}
            ${errors.roles ? html`<p id="invite-roles-error" class="field-error">${errors.roles}</p>` : ''}
          </fieldset>
          <button type="submit" class="button">${t('people.send')}</button>
          <p class="people-note" role="status" tabindex="-1" data-invite-note>${note}</p>
        </form>
      </section>`;
  }

  person(account) {
    const me = account.id === session()?.id;
    const row = this.rows[account.id] ?? {};
    const roles = row.roles ?? new Set(account.roles);
    return html`
      <li class="person" data-person="${account.id}" data-email="${account.email}">
        <div class="person-head">
          <strong>${account.name}</strong> ${me ? html`<span class="muted">${t('people.you')}</span>` : ''}
          <span class="muted person-email">${account.email}</span>
          <span class="pill ${account.enabled ? 'pill-on' : 'pill-off'}" data-state>
            ${t(account.enabled ? 'people.active' : 'people.inactive')}</span>
        </div>
        <fieldset class="roles person-roles">
          <legend class="visually-hidden">${t('people.roles')}: ${account.name}</legend>
          ${ROLES.map(role => html`
            <label class="check"><input type="checkbox" name="role" value="${role}"
              ${roles.has(role) ? 'checked' : ''}> ${t(`role.${role}`)}</label>`)}
        </fieldset>
        <p class="muted person-teams">${t('people.teams')}:
          ${account.teams.length ? account.teams.join(', ') : t('people.noTeams')}</p>
        <div class="person-actions">
          <button type="button" class="button" data-save>${t('people.save')}</button>
          <button type="button" class="button-quiet" data-toggle>
            ${t(account.enabled ? 'people.deactivate' : 'people.reactivate')}</button>
        </div>
        <p class="${row.error ? 'field-error' : 'people-note'}" role="${row.error ? 'alert' : 'status'}" tabindex="-1"
          data-row-note>${row.error ?? row.note ?? ''}</p>
      </li>`;
  }

  wire() {
    const form = this.querySelector('[data-invite]');
    form?.addEventListener('input', () => {
      this.invite.email = form.elements.email.value;
      this.invite.name = form.elements.name.value;
      this.invite.roles = new Set([...form.querySelectorAll('input[name=roles]:checked')].map(i => i.value));
    });
    form?.addEventListener('submit', event => {
      event.preventDefault();
      this.sendInvite();
    });
    this.querySelectorAll('[data-person]').forEach(item => {
      const id = item.dataset.person;
      const account = this.accounts.find(a => a.id === id);
      const checked = () => [...item.querySelectorAll('input[name=role]:checked')].map(i => i.value);
      item.querySelector('.person-roles').addEventListener('change', () => {
        this.rows[id] = { ...this.rows[id], roles: new Set(checked()), note: '', error: null };
      });
      item.querySelector('[data-save]').addEventListener('click', () => this.change(id, { roles: checked() }));
      item.querySelector('[data-toggle]')
        .addEventListener('click', () => this.change(id, { enabled: !account.enabled }));
    });
  }
}

customElements.define('orden-people', OrdenPeople);
