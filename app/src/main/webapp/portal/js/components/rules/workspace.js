import { api, ApiError } from '../../api.js';

/**
 * What the rule pages work on: the draft when there is one (GET admin/config/draft), else the active version, whose
 * bundle the first save turns into a new draft (PUT admin/config/draft/rules starts one from it).
 */
export async function workingCopy() {
  const active = await api('/admin/config');
  try {
    const draft = await api('/admin/config/draft');
    return { bundle: draft.bundle, draftVersion: draft.version, activeVersion: active.version };
  } catch (error) {
    if (!(error instanceof ApiError) || error.status !== 404) throw error;
    return { bundle: active.bundle, draftVersion: null, activeVersion: active.version };
  }
}

export const EVENTS = ['workorder.creating', 'workorder.created', 'workorder.updating', 'workorder.updated',
  'workorder.transitioning', 'workorder.transitioned', 'workorder.assigned', 'comment.added', 'sla.breached',
  'sla.warning', 'schedule'];
export const MODES = ['active', 'shadow', 'disabled'];
export const ON_ERROR = ['skip', 'reject'];
export const ERROR_KINDS = ['SYNTAX', 'EXCEPTION', 'TIMEOUT', 'STATEMENT_LIMIT', 'MEMORY', 'OUTPUT_LIMIT',
  'INVALID_RESULT'];

export function post(path, body) {
  return api(path, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
}

export function put(path, body) {
  return api(path, { method: 'PUT', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
}

/** The field errors of a refused request (RFC 9457 `errors`), or one line made of its title. */
export function problemErrors(error) {
  const errors = error?.problem?.errors;
  if (errors?.length) return errors;
  return [{ field: '', message: error?.problem?.detail ?? error?.message ?? String(error) }];
}

/** A type's name in the current language, else its key. */
export function typeName(type, language) {
  return type?.name?.[language] ?? type?.name?.en ?? type?.key;
}
