import { html } from '../../html.js';
import { t } from '../../i18n.js';
import { errorView, LivePage } from '../common.js';
import { clone, loadDraft, savePart, splitPointer } from './draft.js';
import { check, draw, getAt, readInput, setAt, prune, segments } from './kit.js';
import { conditionAction } from './condition-builder.js';

export const EDITORS = ['types', 'fields', 'forms', 'workflows', 'areas', 'teams', 'assignment', 'sla', 'notifications',
  'reminders', 'plugins', 'settings'];

/** The admin pages' own navigation: the home and every editor, the current one marked. */
export function adminNav(current) {
  const link = (href, label, name) => html`<li><a href="/portal/admin${href}" data-link
    aria-current="${current === name ? 'page' : 'false'}">${t(label)}</a></li>`;
  return html`<nav class="adm-nav" aria-label="${t('adm.nav')}"><ul>
    ${link('', 'adm.home.title', 'home')}
    ${EDITORS.map(name => link(`/${name}`, `adm.${name}.title`, name))}</ul></nav>`;
}

/**
 * One part of the draft in an editor: read from the draft (or the active version), changed in memory, checked
 * here, then saved with `PUT /admin/config/draft/{part}` — whose answer lists the whole draft's errors; those of
 * this part are shown at their controls. Subclasses give `part`, `name` (the page), `spec(ctx)` and may convert
 * (`toEdit`, `fromEdit`, `errorPath`), load more (`loadMore`), draw beside the form (`aside`, `refresh`) or, when two
 * editors share a part, take only the errors under their members (`owns`).
 */
export class AdminEditor extends LivePage {
  connectedCallback() {
    Object.assign(this, { draft: null, value: null, error: null, dirty: false, saving: false, message: null,
      raw: {}, open: new Set(), clientErrors: [], serverErrors: [], more: {} });
    this.addEventListener('input', event => this.typed(event));
    this.addEventListener('change', event => this.changedControl(event));
    this.addEventListener('click', event => this.clicked(event));
    this.addEventListener('submit', event => { event.preventDefault(); this.save(); });
    this.addEventListener('toggle', event => this.toggled(event), true);
    this.onLeave = event => this.leaving(event);
    this.onUnload = event => { if (this.dirty) { event.preventDefault(); event.returnValue = ''; } };
    document.addEventListener('click', this.onLeave, true);
    window.addEventListener('beforeunload', this.onUnload);
    super.connectedCallback();
  }

  disconnectedCallback() {
    super.disconnectedCallback();
    document.removeEventListener('click', this.onLeave, true);
    window.removeEventListener('beforeunload', this.onUnload);
  }

  toEdit(value) { return value; }

  fromEdit(value) { return value; }

  errorPath(path) { return path; }

  owns() { return true; }

  async loadMore() { return {}; }

  aside() { return ''; }

  refresh() {}

  async load() {
    try {
      const [draft, more] = await Promise.all([loadDraft(), this.loadMore()]);
      this.more = more;
      this.accept(draft);
    } catch (error) {
      this.error = error;
    }
    this.render();
    this.focusRequested();
  }

  /** The draft as the server has it now: the value to edit and the errors of this part. */
  accept(draft) {
    this.draft = draft;
    this.value = this.toEdit(clone(draft.bundle?.[this.part]) ?? this.emptyValue(), draft);
    this.raw = {};
    this.dirty = false;
    this.clientErrors = [];
    this.serverErrors = (draft.errors ?? []).map(e => ({ ...e, ...splitPointer(e.field) }))
      .filter(e => e.part === this.part && this.owns(e.path)).map(e => ({ ...e, path: this.errorPath(e.path) }));
  }

  emptyValue() { return []; }

  ctx() {
    return { bundle: { ...this.draft.bundle, [this.part]: this.value }, raw: this.raw, open: this.open,
      ancestors: [], more: this.more, editor: this };
  }

  render() {
    document.title = `${t(`adm.${this.name}.title`)} · Orden`;
    if (this.error) {
      this.innerHTML = errorView(this.error).toString();
      this.querySelector('[data-retry]')?.addEventListener('click', () => { this.error = null; this.load(); });
      return;
    }
    const head = html`${adminNav(this.name)}<h1>${t(`adm.${this.name}.title`)}</h1>
      <p class="muted">${t(`adm.${this.name}.intro`)}</p>`;
    if (!this.value) {
      this.innerHTML = html`${head}<p class="muted" role="status">${t('loading')}</p>`.toString();
      return;
    }
    const focused = document.activeElement?.id;
    const ctx = this.ctx();
    this.innerHTML = html`${head}
      <div class="adm-editor adm-${this.name}" data-editor="${this.name}">
        <form class="adm-form" novalidate aria-labelledby="adm-form-title">
          <h2 id="adm-form-title" class="visually-hidden">${t(`adm.${this.name}.title`)}</h2>
          <div class="adm-summary" data-summary role="alert"></div>
          ${draw(this.spec(ctx), this.value, '', ctx)}
          <div class="adm-actions">
            <button type="submit" class="button" data-save ${this.saving ? 'disabled' : ''}>${t('adm.save')}</button>
            <button type="button" class="button-quiet" data-action="discard" ${this.dirty ? '' : 'disabled'}
              >${t('adm.discard')}</button>
            <span class="adm-state" role="status" data-state="${this.stateName()}">${this.stateText()}</span>
          </div>
        </form>
        ${this.aside(ctx)}
      </div>`.toString();
    this.placeErrors();
    if (focused) document.getElementById(focused)?.focus();
  }

  stateName() {
    if (this.saving) return 'saving';
    if (this.dirty) return 'unsaved';
    return this.message ?? (this.draft.exists ? 'draft' : 'active');
  }

  stateText() {
    const problems = this.clientErrors.length + this.serverErrors.length;
    const state = t(`adm.state.${this.stateName()}`, { version: this.draft.version, active: this.draft.activeVersion });
    return problems ? `${state} ${t('adm.state.problems', { n: problems })}` : state;
  }

  showState() {
    const state = this.querySelector('.adm-state');
    if (state) { state.dataset.state = this.stateName(); state.textContent = this.stateText(); }
    const discard = this.querySelector('[data-action=discard]');
    if (discard) discard.disabled = !this.dirty;
  }

  /** Each error at the control of its path, else at the nearest row or list holding it, else above the form. */
  placeErrors() {
    const summary = this.querySelector('[data-summary]');
    const errors = [...this.clientErrors, ...this.serverErrors];
    errors.forEach((error, i) => {
      const anchor = this.anchorOf(error.path);
      const note = document.createElement('p');
      note.className = 'adm-error';
      note.id = `adm-err-${i}`;
      note.dataset.errorPath = error.path;
      note.textContent = anchor ? error.message : `${error.file ?? ''} ${error.pointer ?? error.path}: ${error.message}`;
      if (!anchor) { summary.append(note); return; }
      // An item of a comma list (`/dueSoon/beforeMinutes/1`) is shown at the one input holding the list.
      const control = anchor.querySelector(`[data-path="${CSS.escape(error.path)}"]`)
        ?? (anchor.matches('div.adm-field') ? anchor.querySelector('[data-path]') : null);
      if (control) {
        control.setAttribute('aria-invalid', 'true');
        const described = control.getAttribute('aria-describedby');
        control.setAttribute('aria-describedby', described ? `${described} ${note.id}` : note.id);
      }
      const details = anchor.closest('details');
      if (details && !details.open) { details.open = true; this.open.add(details.dataset.row); }
      if (anchor.matches('li.adm-row')) anchor.querySelector('.adm-row-body').before(note);
      else anchor.append(note);
    });
  }

  anchorOf(path) {
    const parts = segments(path);
    for (let n = parts.length; n > 0; n--) {
      const prefix = parts.slice(0, n).map(s => `/${s.replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');
      const anchor = this.querySelector(`[data-anchor="${CSS.escape(prefix)}"]`);
      if (anchor) return anchor;
    }
    return null;
  }

  /** `?at=/2/pattern` (the admin home's link to an error): that control is shown and focused. */
  focusRequested() {
    const at = new URLSearchParams(location.search).get('at');
    if (!at || !this.value) return;
    const anchor = this.anchorOf(this.errorPath(at));
    const details = anchor?.closest('details');
    if (details) { details.open = true; this.open.add(details.dataset.row); }
    const control = this.querySelector(`[data-path="${CSS.escape(this.errorPath(at))}"]`)
      ?? anchor?.querySelector('[data-path], summary');
    control?.focus();
    control?.scrollIntoView({ block: 'center' });
  }

  typed(event) {
    const input = event.target.closest('[data-path]');
    if (!input || input.tagName === 'SELECT' || input.type === 'checkbox') return;
    this.update(input);
    this.refresh();
  }

  changedControl(event) {
    const input = event.target.closest('[data-path]');
    if (!input || !(input.tagName === 'SELECT' || input.type === 'checkbox')) return;
    this.update(input);
    this.render();
  }

  update(input) {
    const path = input.dataset.path;
    const read = readInput(input, getAt(this.value, path));
    if (input.dataset.kind === 'json') this.raw[path] = input.value;
    if (read.error) {
      input.setAttribute('aria-invalid', 'true');
    } else {
      if (input.dataset.kind === 'json') delete this.raw[path];
      input.removeAttribute('aria-invalid');
      setAt(this.value, path, read.value);
    }
    this.dirty = true;
    this.message = null;
    this.showState();
  }

  clicked(event) {
    const button = event.target.closest('button[data-action]');
    if (!button || !this.contains(button)) return;
    const { action, path } = button.dataset;
    if (action === 'discard') { this.open.clear(); this.load(); return; }
    if (action.startsWith('cond-')) { event.preventDefault(); conditionAction(this, button); this.showState(); return; }
    if (!['add', 'remove', 'up', 'down'].includes(action)) return;
    event.preventDefault();
    if (action === 'add') {
      const items = getAt(this.value, path) ?? [];
      if (!getAt(this.value, path)) setAt(this.value, path, items);
      items.push(this.newItem(path));
      this.open.add(`${path}/${items.length - 1}`);
      this.changedStructure(`${path}/${items.length - 1}`);
      return;
    }
    const parts = segments(path);
    const index = Number(parts.pop());
    const listPath = parts.map(s => `/${s}`).join('');
    const items = getAt(this.value, listPath);
    if (action === 'remove') {
      items.splice(index, 1);
      this.changedStructure(null, listPath);
    } else {
      const other = action === 'up' ? index - 1 : index + 1;
      [items[index], items[other]] = [items[other], items[index]];
      this.changedStructure(null, null, `[data-action="${action}"][data-path="${CSS.escape(`${listPath}/${other}`)}"]`);
    }
  }

  /** Rows moved: what was typed into JSON boxes is kept by value, so their raw texts are dropped. */
  changedStructure(newRow, listPath, focusSelector) {
    this.raw = {};
    this.dirty = true;
    this.message = null;
    this.clientErrors = [];
    this.render();
    if (newRow) this.querySelector(`[data-anchor="${CSS.escape(newRow)}"] [data-path]`)?.focus();
    else if (focusSelector) this.querySelector(focusSelector)?.focus();
    else if (listPath !== null) this.querySelector(`[data-anchor="${CSS.escape(listPath)}"] > [data-action=add]`)?.focus();
    this.refresh();
  }

  /** A new row of the list at `path`: the spec's `newItem`, else an empty object. */
  newItem(path) {
    const node = this.listNode(path);
    return node?.newItem ? node.newItem(this.ctx()) : (node?.item?.props ? {} : '');
  }

  listNode(path) {
    let node = this.spec(this.ctx());
    for (const part of segments(path)) {
      if (node.kind === 'list') node = /^\d+$/.test(part) ? node.item : null;
      else node = (node.props ?? node.item?.props)?.find(p => p.name === part);
      if (!node) return null;
    }
    return node;
  }

  toggled(event) {
    const row = event.target.dataset?.row;
    if (!row) return;
    if (event.target.open) this.open.add(row); else this.open.delete(row);
  }

  leaving(event) {
    const link = event.target.closest?.('a[data-link], #signout');
    if (!link || !this.dirty) return;
    if (window.confirm(t('adm.unsavedLeave'))) {
      this.dirty = false; // asked once: the browser's own question on unload would ask again
    } else {
      event.preventDefault();
      event.stopPropagation();
    }
  }

  async save() {
    const ctx = this.ctx();
    this.clientErrors = check(this.spec(ctx), this.value, '', ctx);
    if (Object.keys(this.raw).length) {
      Object.keys(this.raw).forEach(path => this.clientErrors.push({ path, message: t('adm.err.json') }));
    }
    if (this.clientErrors.length) {
      this.render();
      this.focusFirstProblem();
      return;
    }
    this.saving = true;
    this.showState();
    try {
      const answer = await savePart(this.part, this.fromEdit(prune(this.value)));
      this.accept({ ...this.draft, ...answer, exists: true });
      this.message = 'saved';
    } catch (error) {
      this.clientErrors = (error.problem?.errors ?? [{ field: '', message: error.message }])
        .map(e => ({ ...e, path: e.field?.startsWith('/') ? e.field : '' }));
      this.message = 'failed';
    }
    this.saving = false;
    this.render();
    if (this.serverErrors.length || this.clientErrors.length) this.focusFirstProblem();
    else this.querySelector('[data-save]')?.focus();
    this.refresh();
  }

  focusFirstProblem() {
    const first = this.querySelector('[aria-invalid=true]');
    if (first) { first.focus(); return; }
    const note = this.querySelector('.adm-error');
    if (note) { note.tabIndex = -1; note.focus(); }
  }
}
