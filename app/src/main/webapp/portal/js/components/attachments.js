import { api, ApiError } from '../api.js';
import { token } from '../auth.js';
import { html } from '../html.js';
import { addMessages, formatDateTime, t } from '../i18n.js';
import { hasRole, session } from '../session.js';
import { attachmentLimits, refusal, sizeText, uploadFile } from './requester/uploads.js';

addMessages({
  en: {
    'files.title': 'Files',
    'files.none': 'No files yet.',
    'files.choose': 'Add files',
    'files.drop': 'Drop files here or',
    'files.limit': 'Up to {size} per file.',
    'files.uploading': 'Uploading {name}… {percent} %',
    'files.uploaded': '{name} added',
    'files.failed': '{name} was not added: {reason}',
    'files.remove': 'Remove {name}',
    'files.removed': '{name} removed',
    'files.download': 'Download {name} ({size})',
    'files.by': '{name}, {at}',
    'event.ATTACHMENT_ADDED': '{actor} added the file {to}',
    'event.ATTACHMENT_REMOVED': '{actor} removed the file {from}',
  },
  es: {
    'files.title': 'Archivos',
    'files.none': 'Todavía no hay archivos.',
    'files.choose': 'Añadir archivos',
    'files.drop': 'Suelta aquí los archivos o',
    'files.limit': 'Hasta {size} por archivo.',
    'files.uploading': 'Subiendo {name}… {percent} %',
    'files.uploaded': 'Se añadió {name}',
    'files.failed': 'No se añadió {name}: {reason}',
    'files.remove': 'Quitar {name}',
    'files.removed': 'Se quitó {name}',
    'files.download': 'Descargar {name} ({size})',
    'files.by': '{name}, {at}',
    'event.ATTACHMENT_ADDED': '{actor} añadió el archivo {to}',
    'event.ATTACHMENT_REMOVED': '{actor} quitó el archivo {from}',
  },
});

/**
 * An order's files: the list with download links, and an upload control (a file input and a drop zone) that shows
 * each file's progress and why the server refused one. Mounted by the order page, which keeps the same element
 * across its redraws; `order` is the order's id.
 */
class OrdenAttachments extends HTMLElement {
  connectedCallback() {
    this.onLang = () => this.render();
    this.onLive = ({ detail }) => {
      if (detail?.type === 'resync' || detail?.data?.id === this.order) this.load();
    };
    window.addEventListener('orden:lang', this.onLang);
    window.addEventListener('orden:live', this.onLive);
    if (this.started) return; // moved by the order page's redraw: keeps its files and uploads in progress
    this.started = true;
    this.order = this.getAttribute('order');
    this.files = [];
    this.uploads = [];
    this.message = '';
    this.limits = null;
    this.render();
    this.load();
  }

  disconnectedCallback() {
    window.removeEventListener('orden:lang', this.onLang);
    window.removeEventListener('orden:live', this.onLive);
  }

  get base() {
    return `/workorders/${encodeURIComponent(this.order)}/attachments`;
  }

  async load() {
    try {
      const [files, limits] = await Promise.all([api(this.base), this.limits ?? attachmentLimits()]);
      this.files = files;
      this.limits = limits;
    } catch (error) {
      this.message = t('files.failed', { name: '', reason: reason(error) });
    }
    this.render();
  }

  render() {
    this.innerHTML = html`
      <section class="attachments" aria-labelledby="files-title">
        <h2 id="files-title">${t('files.title')}</h2>
        ${this.files.length ? html`<ul class="files">${this.files.map(file => this.fileItem(file))}</ul>`
          : html`<p class="muted">${t('files.none')}</p>`}
        <div class="dropzone" data-dropzone>
          <span>${t('files.drop')}</span>
          <label class="button-quiet file-pick">${t('files.choose')}
            <input type="file" multiple data-file-input class="visually-hidden"
              accept="${this.limits?.allowedTypes?.join(',') ?? ''}"></label>
          ${this.limits ? html`<small class="muted">${t('files.limit', { size: sizeText(this.limits.maxFileSize) })}</small>` : ''}
        </div>
        <ul class="uploads">${this.uploads.map(u => html`
          <li data-upload="${u.state}">
            ${u.state === 'sending' ? html`<label>${t('files.uploading', { name: u.name, percent: u.percent })}
              <progress max="100" value="${u.percent}"></progress></label>` : ''}
            ${u.state === 'failed' ? html`<span class="upload-error" role="alert">${t('files.failed',
              { name: u.name, reason: u.reason })}</span>` : ''}
          </li>`)}</ul>
        <p class="visually-hidden" role="status" aria-live="polite">${this.message}</p>
      </section>`.toString();
    this.querySelector('[data-file-input]').addEventListener('change', event => {
      this.send([...event.target.files]);
    });
    const zone = this.querySelector('[data-dropzone]');
    zone.addEventListener('dragover', event => { event.preventDefault(); zone.classList.add('over'); });
    zone.addEventListener('dragleave', () => zone.classList.remove('over'));
    zone.addEventListener('drop', event => {
      event.preventDefault();
      zone.classList.remove('over');
      this.send([...event.dataTransfer.files]);
    });
    this.querySelectorAll('[data-download]').forEach(link => link.addEventListener('click', event => {
      event.preventDefault();
      this.download(this.files.find(f => f.id === link.dataset.download));
    }));
    this.querySelectorAll('[data-remove]').forEach(button => button.addEventListener('click', () => {
      this.remove(this.files.find(f => f.id === button.dataset.remove));
    }));
  }

  fileItem(file) {
    const removable = file.uploadedBy?.id === session()?.id || hasRole('agent', 'dispatcher', 'tenant-admin');
    return html`
      <li class="file" data-file="${file.name}">
        <a href="${file.href}" data-download="${file.id}" download="${file.name}"
          aria-label="${t('files.download', { name: file.name, size: sizeText(file.size) })}">${file.name}</a>
        <span class="muted">${sizeText(file.size)} · <span data-type>${file.contentType}</span> · ${t('files.by', {
          name: file.uploadedBy?.name ?? '', at: formatDateTime(file.createdAt) })}</span>
        ${removable ? html`<button type="button" class="button-quiet" data-remove="${file.id}"
          aria-label="${t('files.remove', { name: file.name })}">✕</button>` : ''}
      </li>`;
  }

  send(files) {
    for (const file of files) {
      const refused = refusal(file, this.limits);
      const upload = { name: file.name, percent: 0, state: refused ? 'failed' : 'sending', reason: refused };
      this.uploads.push(upload);
      if (!refused) this.upload(file, upload);
    }
    this.render();
  }

  async upload(file, upload) {
    const progress = percent => {
      upload.percent = percent;
      const bar = this.querySelector(`[data-upload="sending"] progress`);
      if (bar) bar.value = percent;
    };
    try {
      await uploadFile(this.order, file, progress);
      this.uploads.splice(this.uploads.indexOf(upload), 1);
      this.message = t('files.uploaded', { name: file.name });
      this.load();
    } catch (error) {
      Object.assign(upload, { state: 'failed', reason: error.message });
      this.render();
    }
  }

  /** Fetched with the token, then saved: a plain link could not carry it. */
  async download(file) {
    const response = await fetch(`${file.href}?download=true`, {
      headers: { Authorization: `Bearer ${await token()}` },
    });
    if (!response.ok) return;
    const url = URL.createObjectURL(await response.blob());
    const link = Object.assign(document.createElement('a'), { href: url, download: file.name });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  }

  async remove(file) {
    try {
      await api(`${this.base}/${file.id}`, { method: 'DELETE' });
      this.message = t('files.removed', { name: file.name });
    } catch (error) {
      this.message = t('files.failed', { name: file.name, reason: reason(error) });
    }
    this.load();
  }
}

function reason(error) {
  return error instanceof ApiError ? error.problem?.detail ?? error.message : error.message;
}

customElements.define('orden-attachments', OrdenAttachments);
