import { AdminEditor } from './editor.js';
import { bool, group, number, tags } from './kit.js';

const KINDS = ['assigned', 'dueSoon', 'overdue', 'unassignedTimeout'];
const MINUTES = { step: 1, min: 1, max: 43200 };
const on = kind => kind?.enabled;

const SPEC = group(null, 'adm.reminders.title', [
  group('assigned', 'adm.rem.assigned', [
    bool('enabled', 'adm.rem.send'),
    number('afterMinutes', 'adm.rem.afterAssigned', { ...MINUTES, required: true, when: on, hint: 'adm.rem.minutes' }),
  ], { hint: 'adm.rem.assignedHint' }),
  group('dueSoon', 'adm.rem.dueSoon', [
    bool('enabled', 'adm.rem.send'),
    tags('beforeMinutes', 'adm.rem.beforeDue', { ...MINUTES, numbers: true, required: true, when: on,
      hint: 'adm.rem.beforeHint' }),
  ], { hint: 'adm.rem.dueSoonHint' }),
  group('overdue', 'adm.rem.overdue', [bool('enabled', 'adm.rem.send')], { hint: 'adm.rem.overdueHint' }),
  group('unassignedTimeout', 'adm.rem.unassigned', [
    bool('enabled', 'adm.rem.send'),
    number('afterMinutes', 'adm.rem.afterCreated', { ...MINUTES, required: true, when: on, hint: 'adm.rem.minutes' }),
  ], { hint: 'adm.rem.unassignedHint' }),
], { hint: 'adm.rem.hint' });

/**
 * Which automatic reminders are sent and when (`reminders.json`). In the file a kind left out is not sent but one
 * without `enabled` is, so each kind is edited with an explicit "send" box and written with `enabled` either way;
 * a kind switched off keeps its minutes for the day it is switched on again.
 */
class RemindersEditor extends AdminEditor {
  get part() { return 'reminders'; }
  get name() { return 'reminders'; }
  spec() { return SPEC; }
  emptyValue() { return undefined; }

  toEdit(reminders) {
    const model = {};
    for (const kind of KINDS) {
      const value = reminders?.[kind];
      model[kind] = value ? { ...value, enabled: value.enabled !== false || undefined } : {};
    }
    return model;
  }

  fromEdit(model) {
    const part = {};
    for (const kind of KINDS) {
      const { enabled, ...settings } = model[kind] ?? {};
      if (enabled || Object.keys(settings).length || kind === 'overdue') part[kind] = { enabled: !!enabled, ...settings };
    }
    return part;
  }
}

customElements.define('orden-admin-reminders', RemindersEditor);
