import './messages.js';
import { ApiError } from '../../api.js';
import { html } from '../../html.js';
import { lang, t } from '../../i18n.js';
import { errorView, LivePage, notFoundView } from '../common.js';
import { codeEditor } from './code-editor.js';
import { lineDiff, pretty, splitTable } from './diff.js';
import { DryRunPanel } from './dry-run.js';
import { ERROR_KINDS, EVENTS, MODES, ON_ERROR, post, problemErrors, put, typeName, workingCopy } from './workspace.js';

const KEY = /^[a-zA-Z][a-zA-Z0-9_]{0,63}$/;
const TEMPLATE = `// input: {event, order, change, actor, now, teams, areas}
// returns the effects, e.g. [{type: 'assign', team: 'x'}]
function rule(input) {
  return [];
}
`;

/**
 * One flow rule of the draft: its source in a highlighting editor, its descriptor and test cases in forms beside it;
 * saving runs the draft's checks (the tests), a dry run tries it on real orders, publishing makes the draft active.
 */
class OrdenRuleEditor extends LivePage {
  connectedCallback() {
    this.key = this.getAttribute('key');
    this.isNew = !this.key;
    this.copy = null;
    this.tests = null;
    this.publishResult = null;
    this.localErrors = [];
    this.note = '';
    this.busy = null;
    this.dry = new DryRunPanel(() => this.render());
    super.connectedCallback();
  }

  async load() {
    try {
      this.copy = await workingCopy();
      const found = (this.copy.bundle.rules ?? []).find(rule => rule.key === this.key);
      if (!this.isNew && !found) {
        this.state = 'not-found';
      } else {
        this.fromRule(found ?? { key: '', name: '', events: ['workorder.creating'], order: 100, mode: 'active',
          onError: 'skip', source: TEMPLATE });
        this.state = 'ready';
      }
    } catch (error) {
      this.state = 'error';
      this.error = error;
    }
    this.render();
  }

  changed() {}

  fromRule(rule) {
    const { source, tests, ...descriptor } = rule;
    this.descriptor = descriptor;
    this.source = source ?? '';
    this.cases = (tests ?? []).map(test => ({
      name: test.name,
      event: test.event ?? '',
      inputText: pretty(test.input ?? {}),
      expectKind: test.expectError ? test.expectError.toUpperCase() : 'effects',
      expectText: test.expect ? pretty(test.expect) : '[]',
    }));
  }

  /** What the form and the editor hold now, into the component's state (before every redraw and action). */
  collect() {
    const form = this.querySelector('form.rule-form');
    if (!form) return;
    // A field not drawn yet (a case just added) keeps what the state holds.
    const value = (name, kept = '') => form.elements[name]?.value ?? kept;
    const checked = name => [...form.querySelectorAll(`input[name="${name}"]:checked`)].map(input => input.value);
    this.descriptor = {
      ...this.descriptor,
      key: this.isNew ? value('key').trim() : this.descriptor.key,
      name: value('name').trim(),
      description: value('description').trim(),
      events: checked('events'),
      order: Number(value('order') || 0),
      mode: value('mode'),
      types: checked('types'),
      onError: value('onError'),
      schedule: value('schedule').trim(),
    };
    this.source = this.editor?.getValue() ?? value('source');
    this.cases = this.cases.map((test, i) => ({
      name: value(`case-${i}-name`, test.name).trim(),
      event: value(`case-${i}-event`, test.event),
      inputText: value(`case-${i}-input`, test.inputText),
      expectKind: value(`case-${i}-expectKind`, test.expectKind),
      expectText: value(`case-${i}-expect`, test.expectText),
    }));
    this.note = value('note', this.note);
    this.dry.collect(form);
  }

  /** The rule as a bundle item; mistakes of the form (JSON that does not parse) go to localErrors. */
  toRule() {
    this.localErrors = [];
    const { description, types, schedule, ...rest } = this.descriptor;
    const rule = { ...rest, source: this.source };
    if (description) rule.description = description;
    if (types?.length) rule.types = types;
    if (schedule) rule.schedule = schedule;
    const tests = this.cases.map((test, i) => this.toCase(test, i));
    if (tests.length) rule.tests = tests;
    return this.localErrors.length ? null : rule;
  }

  toCase(test, i) {
    const made = { name: test.name || t('editor.case', { n: i + 1 }) };
    if (test.event) made.event = test.event;
    made.input = this.json(test.inputText || '{}', `${t('editor.case', { n: i + 1 })}: ${t('editor.caseInput')}`);
    if (test.expectKind === 'effects') {
      made.expect = this.json(test.expectText || '[]',
        `${t('editor.case', { n: i + 1 })}: ${t('editor.caseExpected')}`);
    } else {
      made.expectError = test.expectKind;
    }
    return made;
  }

  json(text, what) {
    try {
      return JSON.parse(text);
    } catch (error) {
      this.localErrors.push({ field: '', message: t('editor.badJson', { what, message: error.message }) });
      return null;
    }
  }

  /** Saves this rule into the draft's rules (PUT admin/config/draft/rules); its index there, or null. */
  async save() {
    const rule = this.toRule();
    if (!rule) return null;
    if (!KEY.test(rule.key)) {
      this.localErrors = [{ field: '/key', message: t('editor.keyInvalid') }];
      return null;
    }
    const rules = [...(this.copy.bundle.rules ?? [])];
    let index = rules.findIndex(existing => existing.key === rule.key);
    if (this.isNew && index >= 0) {
      this.localErrors = [{ field: '/key', message: t('editor.keyTaken', { key: rule.key }) }];
      return null;
    }
    if (index < 0) index = rules.push(rule) - 1;
    else rules[index] = rule;
    const draft = await put('/admin/config/draft/rules', rules);
    this.copy = { ...this.copy, bundle: draft.bundle, draftVersion: draft.version };
    if (this.isNew) {
      this.isNew = false;
      this.key = rule.key;
      history.replaceState(null, '', `/portal/admin/rules/edit/${encodeURIComponent(rule.key)}`);
    }
    return index;
  }

  async act(name, action) {
    this.collect();
    this.busy = name;
    this.render();
    try {
      await action();
    } catch (error) {
      this.localErrors = problemErrors(error);
    }
    this.busy = null;
    this.render();
    this.querySelector(`[data-result="${name}"]`)?.focus();
  }

  runTests() {
    return this.act('tests', async () => {
      this.publishResult = null;
      const index = await this.save();
      if (index === null) return;
      try {
        await post('/admin/config/draft/validate', {});
        this.tests = this.verdict(index, []);
      } catch (error) {
        if (!(error instanceof ApiError) || error.status !== 422) throw error;
        this.tests = this.verdict(index, problemErrors(error));
      }
    });
  }

  publish() {
    return this.act('publish', async () => {
      const index = await this.save();
      if (index === null) return;
      try {
        const published = await post('/admin/config/draft/publish', { note: this.note });
        this.publishResult = { version: published.version };
        this.tests = this.verdict(index, []);
        this.copy = await workingCopy();
        this.note = '';
      } catch (error) {
        if (!(error instanceof ApiError) || error.status !== 422) throw error;
        this.publishResult = { errors: problemErrors(error) };
        this.tests = this.verdict(index, problemErrors(error));
      }
    });
  }

  dryRun() {
    return this.act('dry', async () => {
      const rule = this.toRule();
      if (rule) await this.dry.run(rule);
    });
  }

  /** The draft's errors read for this rule: one result per test case, the source's error, and the rest. */
  verdict(index, errors) {
    const at = `/rules/${index}`;
    const sourceError = errors.find(error => error.field === `${at}/source`);
    const results = this.cases.map((test, j) => {
      const failure = errors.find(error => error.field === `${at}/tests/${j}`);
      return { name: test.name || t('editor.case', { n: j + 1 }), passed: !sourceError && !failure,
        message: failure?.message, sides: failure ? sides(failure.message) : null };
    });
    const others = errors.filter(error => error !== sourceError && !results.some(r => r.message === error.message));
    return { results, sourceError, others, version: this.copy.draftVersion };
  }

  render() {
    if (this.state === 'ready') this.collect();
    this.editor = null;
    if (this.state === 'not-found') {
      this.innerHTML = notFoundView(t('editor.notFound')).toString();
      return;
    }
    if (this.state === 'error') {
      this.innerHTML = errorView(this.error).toString();
      this.querySelector('[data-retry]')?.addEventListener('click', () => this.load());
      return;
    }
    if (this.state !== 'ready') {
      this.innerHTML = html`<p class="muted" role="status">${t('loading')}</p>`.toString();
      return;
    }
    const title = this.isNew ? t('editor.titleNew') : t('editor.title', { name: this.descriptor.name });
    document.title = `${title} · Orden`;
    this.innerHTML = html`
      <p class="crumbs"><a href="/portal/admin/rules" data-link>← ${t('editor.back')}</a></p>
      <h1>${title}</h1>
      <p class="muted">${this.copy.draftVersion ? t('editor.base.draft', { version: this.copy.draftVersion })
        : t('editor.base.active', { version: this.copy.activeVersion })}</p>
      <form class="rule-form" novalidate>
        <div class="rule-editor-grid">
          <div class="rule-source">
            <label for="rule-source" class="field-label">${t('editor.source')}</label>
            <p class="hint" id="rule-source-hint">${t('editor.sourceHint')}</p>
            <textarea id="rule-source" name="source" rows="18" spellcheck="false"
              aria-describedby="rule-source-hint">${this.source}</textarea>
            ${this.tests?.sourceError ? html`<p class="field-error" role="alert" data-source-error>
              ${t('editor.sourceError', { message: this.tests.sourceError.message })}</p>` : ''}
          </div>
          ${this.descriptorForm()}
        </div>
        ${this.casesForm()}
        ${this.localErrors.length ? html`<ul class="field-errors" role="alert" data-local-errors>
          ${this.localErrors.map(error => html`<li>${error.message}</li>`)}</ul>` : ''}
        <p class="rule-buttons">
          <button type="button" class="button" data-run-tests ${this.busy ? 'disabled' : ''}>
            ${t('editor.runTests')}</button>
        </p>
        ${this.testsView()}
        ${this.dry.view(this.busy)}
        ${this.publishForm()}
        ${this.isNew ? '' : this.removeForm()}
      </form>`.toString();
    this.wire();
  }

  descriptorForm() {
    const d = this.descriptor;
    const types = this.copy.bundle.types ?? [];
    return html`
      <fieldset class="rule-descriptor">
        <legend>${t('editor.descriptor')}</legend>
        <label class="field">${t('editor.key')}
          <input name="key" value="${d.key}" ${this.isNew ? '' : 'readonly'} required
            pattern="[a-zA-Z][a-zA-Z0-9_]{0,63}"
            autocapitalize="off" aria-describedby="key-hint"></label>
        <p class="hint" id="key-hint">${t('editor.keyHint')}</p>
        <label class="field">${t('rules.name')}<input name="name" value="${d.name}" required></label>
        <label class="field">${t('editor.description')}
          <textarea name="description" rows="2">${d.description ?? ''}</textarea></label>
        <fieldset class="checks"><legend>${t('rules.events')}</legend>
          ${EVENTS.map(event => html`<label><input type="checkbox" name="events" value="${event}"
            ${d.events?.includes(event) ? 'checked' : ''}> <code>${event}</code></label>`)}
        </fieldset>
        <label class="field">${t('editor.schedule')}<input name="schedule" value="${d.schedule ?? ''}"
          placeholder="0 7 * * 1-5"></label>
        <div class="field-row">
          <label class="field">${t('rules.order')}<input name="order" type="number" min="0" max="100000"
            value="${d.order ?? 0}"></label>
          <label class="field">${t('rules.mode')}<select name="mode">
            ${MODES.map(mode => html`<option value="${mode}" ${(d.mode ?? 'active') === mode ? 'selected' : ''}>
              ${t(`mode.${mode}`)}</option>`)}</select></label>
        </div>
        <label class="field">${t('rules.onError')}<select name="onError">
          ${ON_ERROR.map(policy => html`<option value="${policy}" ${(d.onError ?? 'skip') === policy ? 'selected' : ''}>
            ${t(`onError.${policy}`)}</option>`)}</select></label>
        <fieldset class="checks">
          <legend>${t('rules.types')} <span class="muted">(${t('rules.allTypes')}: ∅)</span></legend>
          ${types.map(type => html`<label><input type="checkbox" name="types" value="${type.key}"
            ${d.types?.includes(type.key) ? 'checked' : ''}> ${typeName(type, lang())}</label>`)}
        </fieldset>
      </fieldset>`;
  }

  casesForm() {
    return html`
      <fieldset class="rule-cases">
        <legend>${t('editor.tests')}</legend>
        <p class="hint">${t('editor.testsHint')}</p>
        ${this.cases.map((test, i) => html`
          <fieldset class="rule-case" data-case="${i}">
            <legend>${t('editor.case', { n: i + 1 })}</legend>
            <label class="field">${t('editor.caseName')}<input name="case-${i}-name" value="${test.name}"></label>
            <div class="field-row">
              <label class="field">${t('editor.caseEvent')}<select name="case-${i}-event">
                <option value="">${t('editor.caseEventDefault')}</option>
                ${EVENTS.map(event => html`
                  <option value="${event}" ${test.event === event ? 'selected' : ''}>${event}</option>`)}
              </select></label>
              <label class="field">${t('editor.caseExpect')}<select name="case-${i}-expectKind">
                <option value="effects">${t('editor.caseExpectEffects')}</option>
                ${ERROR_KINDS.map(kind => html`<option value="${kind}" ${test.expectKind === kind ? 'selected' : ''}>
                  ${t('editor.caseExpectError', { kind })}</option>`)}
              </select></label>
            </div>
            <div class="field-row">
              <label class="field">${t('editor.caseInput')}<textarea name="case-${i}-input" rows="6" spellcheck="false"
                class="json">${test.inputText}</textarea></label>
              <label class="field">${t('editor.caseExpected')}
                <textarea name="case-${i}-expect" rows="6" spellcheck="false"
                class="json" ${test.expectKind === 'effects' ? '' : 'disabled'}>${test.expectText}</textarea></label>
            </div>
            <button type="button" class="button-quiet" data-remove-case="${i}">
              ${t('editor.removeCase', { n: i + 1 })}</button>
          </fieldset>`)}
        <button type="button" class="button-quiet" data-add-case>${t('editor.addCase')}</button>
      </fieldset>`;
  }

  testsView() {
    if (!this.tests) return '';
    const { results, others } = this.tests;
    const failed = results.filter(result => !result.passed).length;
    let headline = results.length ? t('editor.testsPass', { n: results.length }) : t('editor.testsNone');
    if (failed) headline = t('editor.testsFail', { failed, n: results.length });
    if (this.tests.sourceError) headline = t('editor.testsNotRun');
    return html`
      <section class="rule-tests" aria-labelledby="tests-result">
        <h2 id="tests-result" tabindex="-1" data-result="tests"
          data-outcome="${this.tests.sourceError || failed ? 'fail' : 'pass'}">${headline}</h2>
        <p class="muted">${t('editor.saved', { version: this.tests.version })}</p>
        <ul class="test-results">
          ${results.map((result, j) => html`
            <li class="test-result ${result.passed ? 'passed' : 'failed'}" data-case-result="${j}">
              <span class="verdict">${result.passed ? t('editor.pass') : t('editor.fail')}</span> ${result.name}
              ${result.message ? html`<p class="muted">${result.message}</p>` : ''}
              ${result.sides ? html`<div class="test-diff" data-test-diff>
                <p class="diff-legend">
                  <span>${t('editor.expectedSide')}</span><span>${t('editor.actualSide')}</span></p>
                ${splitTable({ name: result.name, lines: lineDiff(result.sides.expected.split('\n'),
                  result.sides.actual.split('\n')) })}</div>` : ''}
            </li>`)}
        </ul>
        ${others.length ? html`<h3>${t('editor.otherErrors')}</h3>
          <ul class="field-errors">
            ${others.map(error => html`<li>${error.file ?? error.field}: ${error.message}</li>`)}</ul>` : ''}
      </section>`;
  }

  publishForm() {
    const result = this.publishResult;
    return html`
      <section class="rule-publish" aria-labelledby="publish-title">
        <h2 id="publish-title">${t('publish.title')}</h2>
        <label class="field">${t('publish.note')}<input name="note" maxlength="500" value="${this.note}"></label>
        <button type="button" class="button" data-publish ${this.busy ? 'disabled' : ''}>${t('publish.button')}</button>
        ${result?.version ? html`<p class="notice" role="status" tabindex="-1" data-result="publish"
          data-published="${result.version}">
          ${t('publish.done', { version: result.version })}
          <a href="/portal/admin/rules/versions" data-link>${t('rules.versions')}</a></p>` : ''}
        ${result?.errors ? html`<div class="field-errors" role="alert" tabindex="-1" data-result="publish"
          data-publish-blocked>
          <p>${t('publish.blocked')}</p>
          <ul>${result.errors.map(error => html`
            <li>${error.file ? html`<code>${error.file}</code>: ` : ''}${error.message}</li>`)}</ul>
        </div>` : ''}
      </section>`;
  }

  /** Taking the rule out of the draft, after a confirmation; publishing the draft then stops it. */
  removeForm() {
    return html`
      <section class="rule-remove" aria-labelledby="remove-title">
        <h2 id="remove-title">${t('remove.title')}</h2>
        <p class="hint">${t('remove.hint')}</p>
        <button type="button" class="button-quiet button-danger" data-remove ${this.busy ? 'disabled' : ''}>
          ${t('remove.button')}</button>
        <dialog class="confirm" aria-labelledby="remove-confirm-title">
          <h2 id="remove-confirm-title">${t('remove.confirmTitle', { name: this.descriptor.name })}</h2>
          <p>${t('remove.hint')}</p>
          <p class="rule-buttons">
            <button type="button" class="button-quiet" data-remove-cancel>${t('versions.cancel')}</button>
            <button type="button" class="button" data-remove-confirm>${t('remove.button')}</button>
          </p>
        </dialog>
      </section>`;
  }

  async remove() {
    this.collect();
    try {
      await put('/admin/config/draft/rules', (this.copy.bundle.rules ?? []).filter(rule => rule.key !== this.key));
      history.pushState(null, '', '/portal/admin/rules');
      window.dispatchEvent(new PopStateEvent('popstate'));
    } catch (error) {
      this.localErrors = problemErrors(error);
      this.render();
    }
  }

  wireRemove() {
    const dialog = this.querySelector('.rule-remove dialog');
    if (!dialog) return;
    const opener = this.querySelector('[data-remove]');
    opener.addEventListener('click', () => dialog.showModal());
    this.querySelector('[data-remove-cancel]').addEventListener('click', () => {
      dialog.close();
      opener.focus();
    });
    this.querySelector('[data-remove-confirm]').addEventListener('click', () => {
      dialog.close();
      this.remove();
    });
  }

  wire() {
    this.wireRemove();
    const textarea = this.querySelector('#rule-source');
    codeEditor(textarea, { label: t('editor.source') }).then(editor => {
      if (!editor) return;
      this.editor = editor;
      const line = this.tests?.sourceError?.message.match(/^line (\d+)/);
      if (line) editor.addLineClass(Number(line[1]) - 1, 'background', 'cm-rule-error');
    }).catch(() => { /* the plain textarea stays */ });
    this.querySelector('[data-run-tests]').addEventListener('click', () => this.runTests());
    this.querySelector('[data-publish]').addEventListener('click', () => this.publish());
    this.querySelector('[data-add-case]').addEventListener('click', () => this.addCase());
    this.querySelectorAll('[data-remove-case]').forEach(button => button.addEventListener('click', () => {
      this.collect();
      this.cases.splice(Number(button.dataset.removeCase), 1);
      this.tests = null;
      this.render();
    }));
    this.querySelectorAll('select[name$="-expectKind"]').forEach(select => select.addEventListener('change', () => {
      this.render();
    }));
    this.dry.wire(this, () => this.dryRun());
  }

  addCase() {
    this.collect();
    this.cases.push({ name: '', event: '', inputText: '{\n  "order": {\n    "title": ""\n  }\n}', expectKind: 'effects',
      expectText: '[]' });
    this.tests = null;
    this.render();
    this.querySelector(`[name="case-${this.cases.length - 1}-name"]`)?.focus();
  }
}

/** "test 'x': expected A, got B" as pretty expected and actual texts, when A (or the error it names) reads back. */
function sides(message) {
  const found = message.match(/^test '[\s\S]*?': expected ([\s\S]*)$/);
  if (!found) return null;
  const rest = found[1];
  for (let at = rest.indexOf(', got '); at >= 0; at = rest.indexOf(', got ', at + 1)) {
    const expected = readBack(rest.slice(0, at));
    if (expected !== undefined) return { expected, actual: readBack(rest.slice(at + 6)) ?? rest.slice(at + 6) };
  }
  return null;
}

function readBack(text) {
  if (text.startsWith('the error') || text === 'no error') return text;
  try {
    return pretty(sortedKeys(JSON.parse(text)));
  } catch {
    return undefined;
  }
}

/** Objects' keys in one order on both sides, so that the diff shows the values that differ, not the keys' order. */
function sortedKeys(value) {
  if (Array.isArray(value)) return value.map(sortedKeys);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.keys(value).sort().map(key => [key, sortedKeys(value[key])]));
}

customElements.define('orden-rule-editor', OrdenRuleEditor);
