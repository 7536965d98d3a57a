// The tenant's field rules as the server applies them (dev.orden.config.field), so the form can show and check fields
// live: visibleWhen/requiredWhen conditions, a hidden field read as empty, and each type's value checks.

/** Empty as the server means it: absent, null, blank text, an empty list or object. */
export function isEmpty(value) {
  if (value === undefined || value === null) return true;
  if (typeof value === 'string') return value.trim() === '';
  if (Array.isArray(value)) return value.length === 0;
  if (typeof value === 'object') return Object.keys(value).length === 0;
  return false;
}

/** Equal as JSON values, 1 and 1.0 alike. */
export function same(a, b) {
  const left = a ?? null;
  const right = b ?? null;
  if (typeof left === 'number' && typeof right === 'number') return left === right;
  return JSON.stringify(left) === JSON.stringify(right);
}

/** Whether a condition holds, reading values through `lookup(key)`. */
export function test(condition, lookup) {
  if (condition.all) return condition.all.every(c => test(c, lookup));
  if (condition.any) return condition.any.some(c => test(c, lookup));
  if (condition.not) return !test(condition.not, lookup);
  const value = lookup(condition.field);
  if ('equals' in condition) return same(value, condition.equals);
  if ('notEquals' in condition) return !same(value, condition.notEquals);
  if ('in' in condition) {
    const listed = item => condition.in.some(candidate => same(item, candidate));
    return Array.isArray(value) ? value.some(listed) : listed(value);
  }
  if ('empty' in condition) return isEmpty(value);
  if ('notEmpty' in condition) return !isEmpty(value);
  return true;
}

/**
 * Visibility and requiredness of every field for the current values: a hidden field reads as empty, so a field shown
 * only under a hidden one is hidden too (the server refuses cycles, the guard only stops a broken bundle).
 */
export function visibility(fields, values) {
  const byKey = new Map(fields.map(field => [field.key, field]));
  const known = new Map();
  const visible = key => {
    const field = byKey.get(key);
    if (!field?.visibleWhen) return true;
    if (!known.has(key)) {
      known.set(key, false);
      known.set(key, test(field.visibleWhen, lookup));
    }
    return known.get(key);
  };
  const lookup = key => (visible(key) ? values[key] ?? null : null);
  const required = field => visible(field.key)
    && (field.required || !!field.requiredWhen && test(field.requiredWhen, lookup));
  return { visible, required };
}

const LABEL = '[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}[A-Za-z0-9])?';
const EMAIL = new RegExp(`^[^@\\s]{1,64}@${LABEL}(?:\\.${LABEL})+$`);
const PHONE = /^\+[1-9][0-9]{5,14}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const TEXT_TYPES = ['text', 'longtext', 'email', 'phone', 'url'];

/**
 * The problems of one visible field's value as message keys with their parameters ({key, params}); an empty list
 * when it is fine. Mirrors FieldCheck: required first, then the type's checks.
 */
export function problems(field, value, required) {
  if (isEmpty(value)) return required ? [{ key: 'form.required' }] : [];
  const found = [];
  const add = (key, params = {}) => found.push({ key, params });
  if (TEXT_TYPES.includes(field.type)) {
    const text = field.type === 'phone' ? value.replace(/[\s-]/g, '') : value;
    if (field.type === 'email' && (text.length > 254 || !EMAIL.test(text))) add('form.email');
    if (field.type === 'phone' && !PHONE.test(text)) add('form.phone');
    if (field.type === 'url' && !isWebAddress(text)) add('form.url');
    checkLength(field, text, add);
    if (field.pattern && !matches(field.pattern, text)) add('form.pattern');
  } else if (field.type === 'number' || field.type === 'money') {
    if (typeof value !== 'number' || !Number.isFinite(value)) add('form.number');
    else checkNumber(field, value, add);
  } else if (field.type === 'date') {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(value))) add('form.date');
  } else if (field.type === 'datetime') {
    if (Number.isNaN(Date.parse(value))) add('form.datetime');
  } else if (field.type === 'select') {
    if (!(field.options ?? []).some(o => o.value === value)) add('form.option');
  } else if (field.type === 'multiselect') {
    if (!value.every(item => (field.options ?? []).some(o => o.value === item))) add('form.option');
    if (field.minItems != null && value.length < field.minItems) add('form.minItems', { n: field.minItems });
    if (field.maxItems != null && value.length > field.maxItems) add('form.maxItems', { n: field.maxItems });
  } else if (field.type === 'user') {
    if (!UUID.test(value)) add('form.user');
  } else if (field.type === 'location') {
    checkLocation(value, add);
  } else if (field.type === 'attachment') {
    const count = Array.isArray(value) ? value.length : 1;
    if (field.minItems != null && count < field.minItems) add('form.minItems', { n: field.minItems });
    if (field.maxItems != null && count > field.maxItems) add('form.maxItems', { n: field.maxItems });
  }
  return found;
}

function checkLength(field, text, add) {
  const length = [...text].length; // code points, as the server counts
  if (field.minLength != null && length < field.minLength) add('form.minLength', { n: field.minLength });
  if (field.maxLength != null && length > field.maxLength) add('form.maxLength', { n: field.maxLength });
}

function checkNumber(field, number, add) {
  if (field.min != null && number < field.min) add('form.min', { n: field.min });
  if (field.max != null && number > field.max) add('form.max', { n: field.max });
  const decimals = field.decimals ?? (field.type === 'money' ? 2 : null);
  if (decimals != null && (String(number).split('.')[1] ?? '').length > decimals) add('form.decimals', { n: decimals });
}

function checkLocation(location, add) {
  if (isEmpty(location.address)) add('form.address');
  const hasLat = location.lat !== undefined;
  const hasLon = location.lon !== undefined;
  if (hasLat !== hasLon) return add('form.latLon'); // as the server: ranges only of a complete pair
  if (hasLat && !(Math.abs(location.lat) <= 90)) add('form.lat.range');
  if (hasLon && !(Math.abs(location.lon) <= 180)) add('form.lon.range');
}

/** The server's patterns match the whole value (RE2J); one JavaScript cannot compile is left to the server. */
function matches(pattern, text) {
  try {
    return new RegExp(`^(?:${pattern})$`, 'u').test(text);
  } catch {
    return true;
  }
}

function isWebAddress(text) {
  try {
    const url = new URL(text);
    return (url.protocol === 'http:' || url.protocol === 'https:') && !!url.hostname;
  } catch {
    return false;
  }
}
