import { token } from './auth.js';

// GET /api/v1/events (docs/live-tracking.md) read with fetch() rather than EventSource, which cannot send the
// Authorization header. Each event is dispatched on window as `orden:live` ({type, id, data}); the connection's
// state ('connecting', 'live', 'reconnecting') goes to onState. A stream ends when its token expires: it is opened
// again at once with a fresh token and Last-Event-ID, so no change is missed.

const MAX_DELAY_MS = 30000;

export function startLive(onState) {
  let lastEventId = null;
  let stopped = false;
  let controller = null;

  const run = async () => {
    let delay = 1000;
    while (!stopped) {
      controller = new AbortController();
      try {
        const headers = { Accept: 'text/event-stream', Authorization: `Bearer ${await token()}` };
        if (lastEventId) headers['Last-Event-ID'] = lastEventId;
        const response = await fetch('/api/v1/events', { headers, signal: controller.signal, cache: 'no-store' });
        if (!response.ok) throw new Error(`HTTP ${response.status}`);
        onState('live');
        delay = 1000;
        await readEvents(response.body, event => {
          if (event.id) lastEventId = event.id;
          window.dispatchEvent(new CustomEvent('orden:live', { detail: event }));
        });
        continue; // ended by the server (token expired): open again now
      } catch {
        if (stopped) return;
      }
      onState('reconnecting');
      await new Promise(resolve => setTimeout(resolve, delay));
      delay = Math.min(delay * 2, MAX_DELAY_MS);
    }
  };
  onState('connecting');
  run();
  return () => {
    stopped = true;
    controller?.abort();
  };
}

/** The text/event-stream format: fields per line, an empty line ends an event, ':' lines are comments. */
async function readEvents(body, dispatch) {
  const reader = body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  let event = { type: 'message', id: null, data: [] };
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    buffer += value;
    let end;
    while ((end = buffer.indexOf('\n')) >= 0) {
      const line = buffer.slice(0, end).replace(/\r$/, '');
      buffer = buffer.slice(end + 1);
      if (line === '') {
        if (event.data.length) dispatch({ type: event.type, id: event.id, data: parse(event.data.join('\n')) });
        event = { type: 'message', id: event.id, data: [] };
        continue;
      }
      if (line.startsWith(':')) continue;
      const colon = line.indexOf(':');
      const field = colon < 0 ? line : line.slice(0, colon);
      const text = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
      if (field === 'event') event.type = text;
      else if (field === 'id') event.id = text;
      else if (field === 'data') event.data.push(text);
    }
  }
}

function parse(text) {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
