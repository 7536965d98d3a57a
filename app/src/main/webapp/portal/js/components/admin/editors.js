import { html } from '../../html.js';
import { lang, t as tt } from '../../i18n.js';
import { api } from '../../api.js';
import { AdminEditor } from './editor.js';
import {
  bool, checks, choice, condition, group, json, key, list, localized, number, tags, text,
} from './kit.js';

/* The editors of the list parts: each a description of its part for the form kit (kit.js). */

export const FIELD_TYPES = ['text', 'longtext', 'number', 'money', 'date', 'datetime', 'boolean', 'select',
  'multiselect', 'user', 'email', 'phone', 'url', 'location', 'attachment'];
export const PRIORITIES = ['LOW', 'NORMAL', 'HIGH', 'URGENT'];
export const ROLES = ['tenant-admin', 'dispatcher', 'agent', 'requester'];
const CATEGORIES = ['new', 'open', 'pending', 'resolved', 'closed'];
const DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
const DURATION = /^P(?!$)(\d+D)?(T(?=\d)(\d+H)?(\d+M)?)?$/;

/** A bilingual name in the page's language, else the key. */
export function named(item, member = 'name') {
  return item?.[member]?.[lang()] || item?.[member]?.en || item?.key || '';
}

export function keysOf(items, member = 'name') {
  return (items ?? []).map(item => ({ value: item.key, label: `${named(item, member)} (${item.key})` }));
}

/** Options whose labels are messages, resolved when drawn so that they follow the language. */
export function translated(values, prefix) {
  return () => values.map(value => ({ value, label: `${tt(`${prefix}.${value}`)}` }));
}

export function flatAreas(areas, depth = 0) {
  return (areas ?? []).flatMap(a => [{ value: a.key, label: `${'— '.repeat(depth)}${named(a)} (${a.key})` },
    ...flatAreas(a.children, depth + 1)]);
}

const numeric = ['number', 'money'];
const texty = ['text', 'longtext', 'email', 'phone', 'url'];
const is = (...types) => field => types.includes(field?.type);

export const FIELDS_SPEC = list(null, 'adm.fields.list', {
  props: [
    key(),
    localized('label', 'adm.f.label', { required: true }),
    choice('type', 'adm.f.type', translated(FIELD_TYPES, 'adm.type'), { required: true }),
    localized('help', 'adm.f.help'),
    bool('required', 'adm.f.required'),
    bool('readOnly', 'adm.f.readOnly'),
    bool('internal', 'adm.f.internal', { hint: 'adm.hint.internal' }),
    text('pattern', 'adm.f.pattern', { when: is(...texty), hint: 'adm.hint.pattern' }),
    number('minLength', 'adm.f.minLength', { when: is(...texty), step: 1 }),
    number('maxLength', 'adm.f.maxLength', { when: is(...texty), step: 1 }),
    number('min', 'adm.f.min', { when: is(...numeric) }),
    number('max', 'adm.f.max', { when: is(...numeric) }),
    number('decimals', 'adm.f.decimals', { when: is(...numeric), step: 1 }),
    text('currency', 'adm.f.currency', { when: is('money'), required: true, pattern: /^[A-Z]{3}$/,
      patternMessage: 'adm.err.currency' }),
    list('options', 'adm.f.options', { props: [
      text('value', 'adm.f.value', { required: true }),
      localized('label', 'adm.f.label', { required: true }),
    ] }, { when: is('select', 'multiselect'), unique: 'value', title: o => o.value, add: 'adm.addOption' }),
    number('minItems', 'adm.f.minItems', { when: is('multiselect', 'attachment'), step: 1 }),
    number('maxItems', 'adm.f.maxItems', { when: is('multiselect', 'attachment'), step: 1 }),
    json('default', 'adm.f.default', { hint: 'adm.hint.default' }),
    condition('visibleWhen', 'adm.f.visibleWhen'),
    condition('requiredWhen', 'adm.f.requiredWhen'),
    bool('retired', 'adm.f.retired', { hint: 'adm.hint.retired' }),
  ],
}, { unique: 'key', title: f => (f.key ? `${named(f, 'label')} · ${f.key} · ${f.type ?? ''}` : ''),
  add: 'adm.fields.add', newItem: () => ({ type: 'text' }) });

const TYPES_SPEC = list(null, 'adm.types.list', {
  props: [
    key(),
    localized('name', 'adm.f.name', { required: true }),
    choice('workflow', 'adm.f.workflow', ctx => keysOf(ctx.bundle.workflows), { required: true }),
    choice('form', 'adm.f.form', ctx => (ctx.bundle.forms ?? []).map(f => ({ value: f.key, label: f.key }))),
    choice('defaultPriority', 'adm.f.defaultPriority', translated(PRIORITIES, 'priority')),
    choice('defaultTeam', 'adm.f.defaultTeam', ctx => keysOf(ctx.bundle.teams)),
    text('numberPrefix', 'adm.f.numberPrefix', { pattern: /^[A-Z]{1,6}$/, patternMessage: 'adm.err.prefix' }),
    text('icon', 'adm.f.icon'),
    text('color', 'adm.f.color', { inputType: 'color' }),
    checks('fields', 'adm.f.typeFields', ctx => keysOf(ctx.bundle.fields, 'label'), { empty: 'adm.noFields' }),
    group('sla', 'adm.f.sla', [
      text('firstResponse', 'adm.f.firstResponse', { pattern: DURATION, patternMessage: 'adm.err.duration' }),
      text('resolution', 'adm.f.resolution', { pattern: DURATION, patternMessage: 'adm.err.duration' }),
    ], { hint: 'adm.hint.duration' }),
  ],
}, { unique: 'key', title: item => (item.key ? `${named(item)} · ${item.key}` : ''), add: 'adm.types.add',
  newItem: ctx => ({ workflow: ctx.bundle.workflows?.[0]?.key, defaultPriority: 'NORMAL', fields: [] }) });

const stateOptions = ctx => keysOf(ctx.ancestors.find(a => a && Array.isArray(a.states))?.states);

const WORKFLOWS_SPEC = list(null, 'adm.workflows.list', {
  props: [
    key(),
    choice('initial', 'adm.f.initial', stateOptions, { required: true }),
    list('states', 'adm.f.states', { props: [
      key(),
      localized('name', 'adm.f.name', { required: true }),
      choice('category', 'adm.f.category', translated(CATEGORIES, 'category'), { required: true }),
    ] }, { unique: 'key', title: s => (s.key ? `${named(s)} · ${s.key}` : ''), add: 'adm.addState',
      newItem: () => ({ category: 'open' }) }),
    list('transitions', 'adm.f.transitions', { props: [
      choice('from', 'adm.f.from', stateOptions, { required: true }),
      choice('to', 'adm.f.to', stateOptions, { required: true }),
      checks('roles', 'adm.f.roles', translated(ROLES, 'adm.role'), { when: tr => !tr?.trigger }),
      choice('trigger', 'adm.f.trigger', () => [{ value: 'assigned', label: tt('adm.trigger.assigned') }],
        { hint: 'adm.hint.trigger' }),
      bool('requireComment', 'adm.f.requireComment'),
      tags('requiredFields', 'adm.f.requiredFields', { hint: 'adm.hint.requiredFields' }),
    ] }, { title: tr => (tr.from || tr.to ? `${tr.from ?? '?'} → ${tr.to ?? '?'}` : ''), add: 'adm.addTransition',
      newItem: () => ({ roles: ['agent', 'dispatcher', 'tenant-admin'] }) }),
  ],
}, { unique: 'key', title: w => w.key, add: 'adm.workflows.add',
  newItem: () => ({ states: [], transitions: [] }) });

const AREA = { props: [key(), localized('name', 'adm.f.name', { required: true })] };
AREA.props.push(list('children', 'adm.f.children', AREA, { title: a => (a.key ? `${named(a)} · ${a.key}` : ''),
  add: 'adm.addChild', unique: 'key' }));
const AREAS_SPEC = list(null, 'adm.areas.list', AREA, { unique: 'key', add: 'adm.areas.add',
  title: a => (a.key ? `${named(a)} · ${a.key}` : '') });

const TEAMS_SPEC = list(null, 'adm.teams.list', {
  props: [
    key(),
    localized('name', 'adm.f.name', { required: true }),
    checks('members', 'adm.f.members', ctx => ctx.more.members ?? [], { empty: 'adm.noMembers' }),
    checks('areas', 'adm.f.areas', ctx => flatAreas(ctx.bundle.areas), { empty: 'adm.noAreas' }),
    tags('skills', 'adm.f.skills'),
  ],
}, { unique: 'key', add: 'adm.teams.add', title: team => (team.key ? `${named(team)} · ${team.key}` : '') });

const SLA_SPEC = list(null, 'adm.sla.list', {
  props: [
    key(),
    localized('name', 'adm.f.name'),
    text('zone', 'adm.f.zone', { required: true, list: 'adm-zones' }),
    checks('types', 'adm.f.types', ctx => keysOf(ctx.bundle.types), { hint: 'adm.hint.calendarTypes' }),
    list('hours', 'adm.f.hours', { props: [
      checks('days', 'adm.f.days', translated(DAYS, 'adm.day'), { required: true }),
      text('from', 'adm.f.from', { inputType: 'time', required: true }),
      text('to', 'adm.f.to', { inputType: 'time', required: true }),
    ] }, { add: 'adm.addHours', rowHeading: false,
      newItem: () => ({ days: ['mon', 'tue', 'wed', 'thu', 'fri'], from: '09:00', to: '18:00' }) }),
    tags('holidays', 'adm.f.holidays', { hint: 'adm.hint.holidays' }),
    list('targets', 'adm.f.targets', { props: [
      choice('type', 'adm.f.type', ctx => keysOf(ctx.bundle.types), { required: true }),
      choice('priority', 'adm.f.priority', translated(PRIORITIES, 'priority'), { hint: 'adm.hint.anyPriority' }),
      text('firstResponse', 'adm.f.firstResponse', { pattern: DURATION, patternMessage: 'adm.err.duration' }),
      text('resolution', 'adm.f.resolution', { pattern: DURATION, patternMessage: 'adm.err.duration' }),
    ] }, { add: 'adm.addTarget', rowHeading: false }),
  ],
}, { unique: 'key', add: 'adm.sla.add', title: c => (c.key ? `${named(c) || c.key} · ${c.zone ?? ''}` : ''),
  newItem: () => ({ zone: Intl.DateTimeFormat().resolvedOptions().timeZone, hours: [], targets: [] }) });

/** The browser's IANA time zones, offered by the inputs with `list: 'adm-zones'`. */
export function zonesList() {
  const zones = Intl.supportedValuesOf?.('timeZone') ?? [];
  return html`<datalist id="adm-zones">${zones.map(z => html`<option value="${z}">`)}</datalist>`;
}

class TypesEditor extends AdminEditor {
  get part() { return 'types'; }
  get name() { return 'types'; }
  spec() { return TYPES_SPEC; }
}

class FieldsEditor extends AdminEditor {
  get part() { return 'fields'; }
  get name() { return 'fields'; }
  spec() { return FIELDS_SPEC; }
}

class WorkflowsEditor extends AdminEditor {
  get part() { return 'workflows'; }
  get name() { return 'workflows'; }
  spec() { return WORKFLOWS_SPEC; }
}

class AreasEditor extends AdminEditor {
  get part() { return 'areas'; }
  get name() { return 'areas'; }
  spec() { return AREAS_SPEC; }
}

/** Members are picked among the tenant's staff (GET /members); e-mails the list lacks stay as they are. */
class TeamsEditor extends AdminEditor {
  get part() { return 'teams'; }
  get name() { return 'teams'; }
  spec() { return TEAMS_SPEC; }

  async loadMore() {
    const members = await api('/members');
    return { members: members.filter(m => m.roles.some(r => r !== 'requester')).map(m => ({
      value: m.email, label: m.name && m.name !== m.email ? `${m.name} <${m.email}>` : m.email })) };
  }
}

class SlaEditor extends AdminEditor {
  get part() { return 'sla'; }
  get name() { return 'sla'; }
  spec() { return SLA_SPEC; }

  aside() {
    return zonesList();
  }
}

customElements.define('orden-admin-types', TypesEditor);
customElements.define('orden-admin-fields', FieldsEditor);
customElements.define('orden-admin-workflows', WorkflowsEditor);
customElements.define('orden-admin-areas', AreasEditor);
customElements.define('orden-admin-teams', TeamsEditor);
customElements.define('orden-admin-sla', SlaEditor);
