import { token } from '../../auth.js';
import { lang } from '../../i18n.js';

/**
 * Sends one file to an order as its raw body (docs/attachments.md), reporting the percentage sent; resolves on 201,
 * rejects with the server's reason. XMLHttpRequest, not fetch: only it reports an upload's progress.
 */
export async function uploadFile(reference, file, onProgress) {
  const request = new XMLHttpRequest();
  request.open('POST', `/api/v1/workorders/${encodeURIComponent(reference)}/attachments?filename=${
    encodeURIComponent(file.name)}`);
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
