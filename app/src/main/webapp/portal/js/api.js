import { token } from './auth.js';
import { lang } from './i18n.js';

/** An answer other than 2xx, with its RFC 9457 problem when the server sent one. */
export class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.title ?? `HTTP ${status}`);
    this.status = status;
    this.problem = problem;
  }
}

export async function api(path, options = {}) {
  const response = await fetch(`/api/v1${path}`, {
    ...options,
    headers: {
      Accept: 'application/json',
      'Accept-Language': lang(),
      Authorization: `Bearer ${await token()}`,
      ...options.headers,
    },
  });
  if (!response.ok) {
    let problem = null;
    try {
      problem = await response.json();
    } catch {
      // no problem document: the status says enough
    }
    throw new ApiError(response.status, problem);
  }
  return response.status === 204 ? null : response.json();
}
