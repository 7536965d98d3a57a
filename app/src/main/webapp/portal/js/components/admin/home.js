import { api } from '../../api.js';
import { html } from '../../html.js';
import { formatDateTime, t } from '../../i18n.js';
import { errorView, LivePage } from '../common.js';
import { RULES_OR_AGENTS } from './assignment.js';
import { canonical, changedParts, loadDraft, publishDraft, splitPointer, validateDraft, versions } from './draft.js';
import { adminNav, EDITORS } from './editor.js';

/**
 * The editor page of a pointer into a bundle part — `assignment` is two: its rules and agents, its strategies (as
 * plugins); null for parts edited elsewhere (rules).
 */
export function editorOf(part, path = '') {
  if (part === 'assignment') return RULES_OR_AGENTS.test(path) ? 'assignment' : 'plugins';
  return EDITORS.includes(part) ? part : null;
}

/** Where a changed part is edited: a changed `assignment` at its rules' editor unless only its strategies changed. */
function changedEditor(draft, part) {
  if (part !== 'assignment') return editorOf(part);
  const rulesOf = bundle => canonical([bundle?.assignment?.rules ?? [], bundle?.assignment?.agents ?? []]);
  return editorOf(part, rulesOf(draft.bundle) === rulesOf(draft.activeBundle) ? '' : '/rules');
}

/**
 * The tenant admin's home: the active version, the draft and what it changes, "Validate" (each error linked to the
 * control that owns it) and "Publish" with a message, and the version history. Diffs and rollback are the rule
 * editor's version view.
 */
class AdminHome extends LivePage {
  connectedCallback() {
    Object.assign(this, { draft: null, history: null, people: new Map(), error: null, checked: null,
      published: null, busy: false });
    this.addEventListener('click', event => this.clicked(event));
    this.addEventListener('submit', event => { event.preventDefault(); this.publish(); });
    super.connectedCallback();
  }

  async load() {
    try {
      const [draft, history, members] = await Promise.all([loadDraft(), versions(), api('/members').catch(() => [])]);
      Object.assign(this, { draft, history, error: null });
      this.people = new Map(members.map(m => [m.id, m.name || m.email]));
    } catch (error) {
      this.error = error;
    }
    this.render();
  }

  clicked(event) {
    if (event.target.closest('[data-retry]')) { this.error = null; this.load(); }
    if (event.target.closest('[data-validate]')) this.validate();
  }

  async validate() {
    this.busy = true;
    this.render();
    try {
      this.checked = await validateDraft();
      this.draft = { ...this.draft, valid: this.checked.valid, errors: this.checked.errors ?? [] };
    } catch (error) {
      this.checked = { valid: false, errors: [{ message: error.message }] };
    }
    this.busy = false;
    this.render();
    this.querySelector('[data-check-result]')?.focus();
  }

  async publish() {
    const note = this.querySelector('#adm-publish-note')?.value.trim();
    this.busy = true;
    this.render();
    try {
      this.published = await publishDraft(note);
      this.checked = null;
      await this.load();
    } catch (error) {
      this.checked = { valid: false, errors: error.problem?.errors ?? [{ message: error.problem?.detail ?? error.message }] };
      this.published = null;
    }
    this.busy = false;
    this.render();
    this.querySelector(this.published ? '[data-published]' : '[data-check-result]')?.focus();
  }

  render() {
    document.title = `${t('adm.home.title')} · Orden`;
    if (this.error) {
      this.innerHTML = errorView(this.error).toString();
      return;
    }
    if (!this.draft) {
      this.innerHTML = html`${adminNav('home')}<h1>${t('adm.home.title')}</h1>
        <p class="muted" role="status">${t('loading')}</p>`.toString();
      return;
    }
    const active = this.history.find(v => v.active);
    this.innerHTML = html`${adminNav('home')}
      <h1>${t('adm.home.title')}</h1>
      <div class="adm-home">
        <section class="adm-card" aria-labelledby="adm-active-title" data-active-version="${this.draft.activeVersion}">
          <h2 id="adm-active-title">${t('adm.home.active', { version: this.draft.activeVersion })}</h2>
          ${active ? html`<p class="muted">${t('adm.home.publishedBy', { who: this.who(active.publishedBy),
            when: formatDateTime(active.publishedAt) })}</p>
          ${active.note ? html`<p>${active.note}</p>` : ''}` : ''}
          ${this.published ? html`<p class="adm-ok" tabindex="-1" data-published role="status"
            >${t('adm.home.published', { version: this.published.version })}</p>` : ''}
        </section>
        ${this.draftCard()}
      </div>
      ${this.historyTable()}`.toString();
  }

  draftCard() {
    const draft = this.draft;
    if (!draft.exists) {
      return html`<section class="adm-card" aria-labelledby="adm-draft-title" data-draft="none">
        <h2 id="adm-draft-title">${t('adm.home.draft')}</h2><p>${t('adm.home.noDraft')}</p>
        ${this.editorLinks()}</section>`;
    }
    const changed = changedParts(draft);
    return html`<section class="adm-card" aria-labelledby="adm-draft-title" data-draft="${draft.version}">
      <h2 id="adm-draft-title">${t('adm.home.draftVersion', { version: draft.version })}</h2>
      <p>${changed.length ? t('adm.home.changed') : t('adm.home.unchanged')}</p>
      ${changed.length ? html`<ul class="adm-changed">${changed.map(part => html`<li data-changed="${part}">
        ${changedEditor(draft, part) ? html`<a href="/portal/admin/${changedEditor(draft, part)}" data-link
          >${t(`adm.part.${part}`)}</a>`
          : t(`adm.part.${part}`)}</li>`)}</ul>` : ''}
      <p class="${draft.valid ? 'adm-ok' : 'adm-bad'}" data-valid="${draft.valid}">
        ${draft.valid ? t('adm.home.valid') : t('adm.home.invalid', { n: draft.errors.length })}</p>
      <div class="adm-actions">
        <button type="button" class="button-quiet" data-validate ${this.busy ? 'disabled' : ''}>${t('adm.home.validate')}</button>
      </div>
      ${this.checkResult()}
      <form class="adm-publish" novalidate>
        <label for="adm-publish-note">${t('adm.home.note')}</label>
        <input id="adm-publish-note" type="text" maxlength="500" autocomplete="off"
          aria-describedby="adm-publish-hint">
        <p class="adm-hint" id="adm-publish-hint">${t('adm.home.noteHint')}</p>
        <button type="submit" class="button" data-publish ${this.busy ? 'disabled' : ''}>${t('adm.home.publish')}</button>
      </form>
    </section>`;
  }

  editorLinks() {
    return html`<ul class="adm-links">${EDITORS.map(name => html`<li>
      <a href="/portal/admin/${name}" data-link>${t(`adm.${name}.title`)}</a></li>`)}</ul>`;
  }

  /** Validation's verdict: each error with its file and pointer, linked to the editor and control that own it. */
  checkResult() {
    const checked = this.checked;
    if (!checked) return '';
    if (checked.valid) {
      return html`<p class="adm-ok" tabindex="-1" data-check-result="valid" role="status">${t('adm.home.checkedValid')}</p>`;
    }
    return html`<div class="adm-check-result" tabindex="-1" data-check-result="invalid" role="alert">
      <p>${t('adm.home.checkedInvalid', { n: checked.errors.length })}</p>
      <ul class="adm-errors">${checked.errors.map(error => {
        const { part, path } = splitPointer(error.field);
        const editor = editorOf(part, path);
        const where = `${error.file ?? error.field ?? ''} ${error.pointer ?? ''}`.trim();
        return html`<li data-error-field="${error.field ?? ''}">
          ${editor ? html`<a href="/portal/admin/${editor}?at=${encodeURIComponent(path)}" data-link><code>${where}</code></a>`
            : html`<code>${where}</code>`}: ${error.message}</li>`;
      })}</ul></div>`;
  }

  historyTable() {
    return html`<section aria-labelledby="adm-versions-title">
      <h2 id="adm-versions-title">${t('adm.home.versions')}</h2>
      <div class="adm-scroll"><table class="adm-table adm-versions">
        <thead><tr><th scope="col">${t('adm.home.version')}</th><th scope="col">${t('adm.home.who')}</th>
          <th scope="col">${t('adm.home.when')}</th><th scope="col">${t('adm.home.message')}</th></tr></thead>
        <tbody>${this.history.map(v => html`<tr data-version="${v.version}">
          <th scope="row">${v.version}${v.active ? html` <span class="adm-tag">${t('adm.home.activeTag')}</span>` : ''}
            ${v.status === 'DRAFT' ? html` <span class="adm-tag">${t('adm.home.draftTag')}</span>` : ''}</th>
          <td>${this.who(v.publishedBy ?? v.createdBy)}</td>
          <td>${formatDateTime(v.publishedAt ?? v.createdAt)}</td>
          <td class="adm-note">${v.note ?? ''}</td></tr>`)}</tbody>
      </table></div></section>`;
  }

  who(id) {
    if (!id) return '';
    if (id === 'system') return t('adm.home.system');
    return this.people.get(id) ?? id;
  }
}

customElements.define('orden-admin-home', AdminHome);
