import { AdminEditor } from './editor.js';
import { flatAreas, keysOf, PRIORITIES, translated } from './editors.js';
import { checks, choice, group, key, list, number, tags, text } from './kit.js';

/** The members of `assignment.json` this editor owns; its strategies are the plugins editor's. */
export const RULES_OR_AGENTS = /^\/(rules|agents)(\/|$)/;

/** Everyone in some team: who a rule may name and who may have agent facts. */
function teamMembers(ctx, team) {
  const teams = (ctx.bundle.teams ?? []).filter(t => !team || t.key === team);
  return [...new Set(teams.flatMap(t => t.members ?? []))].map(email => ({ value: email, label: email }));
}

const enabledStrategies = ctx => (ctx.bundle.assignment?.strategies ?? []).map(s => ({ value: s.key, label: s.key }));

const RULE = {
  props: [
    key(),
    text('name', 'adm.asg.name', { hint: 'adm.asg.nameHint' }),
    group('when', 'adm.asg.when', [
      checks('types', 'adm.f.types', ctx => keysOf(ctx.bundle.types), { empty: 'adm.asg.noTypes' }),
      checks('priorities', 'adm.asg.priorities', translated(PRIORITIES, 'priority')),
      checks('areas', 'adm.f.areas', ctx => flatAreas(ctx.bundle.areas), { empty: 'adm.noAreas',
        hint: 'adm.asg.areasHint' }),
      tags('keywords', 'adm.asg.keywords', { hint: 'adm.asg.keywordsHint' }),
      list('fieldValues', 'adm.asg.fieldValues', { props: [
        choice('field', 'adm.f.field', ctx => keysOf(ctx.bundle.fields, 'label'), { required: true }),
        tags('values', 'adm.asg.values', { required: true, hint: 'adm.asg.valuesHint' }),
      ] }, { rowHeading: false, add: 'adm.asg.addFieldValue', unique: 'field' }),
    ], { hint: 'adm.asg.whenHint' }),
    group('then', 'adm.asg.then', [
      choice('team', 'adm.asg.team', ctx => keysOf(ctx.bundle.teams)),
      choice('assignee', 'adm.asg.assignee', ctx => teamMembers(ctx, ctx.ancestors.at(-1)?.team),
        { when: then => !then?.strategy, hint: 'adm.asg.assigneeHint' }),
      choice('strategy', 'adm.asg.strategy', enabledStrategies,
        { when: then => !then?.assignee, hint: 'adm.asg.strategyHint' }),
    ], { hint: 'adm.asg.thenHint' }),
  ],
};

const AGENT = {
  props: [
    choice('email', 'adm.asg.agent', ctx => teamMembers(ctx), { required: true }),
    number('capacity', 'adm.asg.capacity', { step: 1, min: 0, max: 10000, hint: 'adm.asg.capacityHint' }),
    checks('areas', 'adm.f.areas', ctx => flatAreas(ctx.bundle.areas), { empty: 'adm.noAreas' }),
    tags('skills', 'adm.f.skills'),
    group('home', 'adm.asg.home', [
      number('lat', 'adm.asg.lat', { min: -90, max: 90 }),
      number('lon', 'adm.asg.lon', { min: -180, max: 180 }),
    ], { hint: 'adm.asg.homeHint' }),
  ],
};

const SPEC = group(null, 'adm.assignment.title', [
  list('rules', 'adm.asg.rules', RULE, { unique: 'key', add: 'adm.asg.addRule', hint: 'adm.asg.rulesHint',
    title: r => (r.key ? `${r.name || r.key} · ${r.key}` : ''), newItem: () => ({ when: {}, then: {} }) }),
  list('agents', 'adm.asg.agents', AGENT, { unique: 'email', add: 'adm.asg.addAgent', hint: 'adm.asg.agentsHint',
    title: a => a.email ?? '' }),
]);

/** A condition on custom fields as the file has it (`{"appliance": ["ac", "oven"]}`), edited as rows. */
function fieldRows(fieldValues) {
  return Object.entries(fieldValues ?? {}).map(([field, v]) => ({ field, values: [v].flat().map(String) }));
}

/** Rows back to values of their field's type: yes/no fields hold true/false, number fields numbers. */
function fieldValuesOf(rows, fields) {
  const out = {};
  for (const { field, values } of rows ?? []) {
    if (!field || !values?.length) continue;
    const type = fields.find(f => f.key === field)?.type;
    const typed = values.map(v => {
      if (type === 'boolean' && (v === 'true' || v === 'false')) return v === 'true';
      if ((type === 'number' || type === 'money') && v.trim() !== '' && Number.isFinite(Number(v))) return Number(v);
      return v;
    });
    out[field] = typed.length === 1 ? typed[0] : typed;
  }
  return out;
}

/**
 * The automatic assignment rules (first match wins: by type, priority, area, keywords and custom field values, to a
 * team and a person or a strategy) and the agents' facts the strategies use (capacity, areas, skills, home). The
 * strategies themselves are switched on in the plugins editor; this one keeps them as they are.
 */
class AssignmentEditor extends AdminEditor {
  get part() { return 'assignment'; }
  get name() { return 'assignment'; }
  spec() { return SPEC; }
  emptyValue() { return undefined; }

  owns(path) { return path === '' || RULES_OR_AGENTS.test(path); }

  toEdit(assignment) {
    const value = assignment ?? {};
    return { ...value, agents: value.agents ?? [], rules: (value.rules ?? []).map(rule => ({ ...rule,
      when: { ...rule.when, fieldValues: fieldRows(rule.when?.fieldValues) } })) };
  }

  fromEdit(model) {
    const fields = this.draft.bundle?.fields ?? [];
    return { ...model, rules: (model.rules ?? []).map(rule => {
      const when = { ...rule.when, fieldValues: fieldValuesOf(rule.when?.fieldValues, fields) };
      if (!Object.keys(when.fieldValues).length) delete when.fieldValues;
      return { ...rule, when };
    }) };
  }

  /** `/rules/0/when/fieldValues/appliance` → the row of that field, `/rules/0/when/fieldValues/1/values`. */
  errorPath(path) {
    const found = /^(\/rules\/(\d+)\/when\/fieldValues)\/([^/]+)/.exec(path);
    if (!found) return path;
    const rows = this.value?.rules?.[Number(found[2])]?.when?.fieldValues ?? [];
    const index = rows.findIndex(row => row.field === found[3].replace(/~1/g, '/').replace(/~0/g, '~'));
    return index < 0 ? found[1] : `${found[1]}/${index}/values`;
  }
}

customElements.define('orden-admin-assignment', AssignmentEditor);
