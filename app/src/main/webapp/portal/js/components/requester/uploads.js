import { api } from '../../api.js';
import { token } from '../../auth.js';
import { addMessages, lang, t } from '../../i18n.js';

addMessages({
  en: { 'files.tooBig': 'it is larger than {size}' },
  es: { 'files.tooBig': 'pesa más de {size}' },
});

/** The tenant's attachment limits now (GET /attachments/limits); null if they could not be read. */
export function attachmentLimits() {
  return api('/attachments/limits').catch(() => null);
}

/** Why the server would refuse `file` for its size (the same sentence), or null: a file it refuses is not sent. */
export function refusal(file, known) {
  return known && file.size > known.maxFileSize ? t('files.tooBig', { size: sizeText(known.maxFileSize) }) : null;
}

/** Bytes in the reader's language: 850 B, 1,5 MB. */
export function sizeText(bytes) {
  if (!(bytes >= 0)) return '';
  const units = ['B', 'KB', 'MB', 'GB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${new Intl.NumberFormat(lang(), { maximumFractionDigits: unit ? 1 : 0 }).format(value)} ${units[unit]}`;
}

/**
 * Sends one file as a request's raw body to `path` under /api/v1 (an order's attachments, or /uploads for a file
 * staged before its order exists: docs/attachments.md), reporting the percentage sent; resolves with the answer on
 * 201, rejects with the server's reason. XMLHttpRequest, not fetch: only it reports an upload's progress.
 */
export async function sendFile(path, file, onProgress) {
  const request = new XMLHttpRequest();
  request.open('POST', `/api/v1${path}${path.includes('?') ? '&' : '?'}filename=${encodeURIComponent(file.name)}`);
  request.setRequestHeader('Authorization', `Bearer ${await token()}`);
  request.setRequestHeader('Accept', 'application/json');
  request.setRequestHeader('Accept-Language', lang());
  request.setRequestHeader('Content-Type', file.type || 'application/octet-stream');
  request.upload.addEventListener('progress', event => {
    if (event.lengthComputable) onProgress(Math.floor(event.loaded * 100 / event.total));
  });
  return new Promise((resolve, reject) => {
    request.addEventListener('loadend', () => {
      if (request.status === 201) return resolve(JSON.parse(request.responseText));
      let problem = null;
      try { problem = JSON.parse(request.responseText); } catch { /* no problem document */ }
      reject(new Error(problem?.errors?.[0]?.message ?? problem?.detail ?? `HTTP ${request.status || '—'}`));
    });
    request.send(file);
  });
}

/** Sends one file to an existing order. */
export function uploadFile(reference, file, onProgress) {
  return sendFile(`/workorders/${encodeURIComponent(reference)}/attachments`, file, onProgress);
}

/** Stages one file for an order not created yet; resolves with `{id, name, size, expiresAt, …}`. */
export function stageFile(file, onProgress) {
  return sendFile('/uploads', file, onProgress);
}
