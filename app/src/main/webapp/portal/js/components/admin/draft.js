import { api, ApiError } from '../../api.js';

/**
 * The tenant's configuration draft as the admin editors see it (tenant-config/README.md, "Admin API"): the draft
 * when there is one, else the active bundle (saving a part starts a draft from it). Errors are the server's
 * `{field, file, pointer, message}`, `field` a JSON pointer into the bundle.
 */
export async function loadDraft() {
  const active = await api('/admin/config');
  try {
    const draft = await api('/admin/config/draft');
    return { ...draft, exists: true, activeVersion: active.version, activeBundle: active.bundle };
  } catch (error) {
    if (!(error instanceof ApiError) || error.status !== 404) throw error;
    return { version: active.version + 1, exists: false, valid: true, errors: [], bundle: active.bundle,
      activeVersion: active.version, activeBundle: active.bundle };
  }
}

export function savePart(part, value) {
  return api(`/admin/config/draft/${part}`, {
    method: 'PUT', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(value),
  });
}

/** 200 `{valid: true}`, or the 422's errors. */
export async function validateDraft() {
  try {
    return await api('/admin/config/draft/validate', { method: 'POST' });
  } catch (error) {
    if (error instanceof ApiError && error.status === 422) return { valid: false, errors: error.problem?.errors ?? [] };
    throw error;
  }
}

export function publishDraft(note) {
  return api('/admin/config/draft/publish', {
    method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(note ? { note } : {}),
  });
}

export function versions() {
  return api('/admin/config/versions');
}

/** The parts an editor of this portal owns, in the order of the admin home; `rules` belong to the rule editor. */
export const PARTS = ['types', 'fields', 'forms', 'workflows', 'areas', 'teams', 'sla', 'notifications', 'assignment',
  'reminders', 'settings'];

/** The part an error is in (`/fields/2/key` → `fields`) and the pointer inside that part (`/2/key`). */
export function splitPointer(field) {
  const match = /^\/([^/]+)(\/.*)?$/.exec(field ?? '');
  return match ? { part: match[1], path: match[2] ?? '' } : { part: '', path: '' };
}

/** JSON written with sorted members: the database keeps no member order, so parts are compared this way. */
export function canonical(value) {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value).sort().map(k => `${JSON.stringify(k)}:${canonical(value[k])}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

/** The parts whose draft differs from the active version. */
export function changedParts(draft) {
  if (!draft.exists) return [];
  const keys = new Set([...Object.keys(draft.bundle ?? {}), ...Object.keys(draft.activeBundle ?? {})]);
  return [...keys].filter(k => k !== 'schemaVersion'
    && canonical(draft.bundle?.[k]) !== canonical(draft.activeBundle?.[k]));
}

export function clone(value) {
  return value === undefined ? undefined : JSON.parse(JSON.stringify(value));
}
