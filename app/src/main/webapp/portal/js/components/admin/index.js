// The tenant admin's pages (docs/admin-portal.md): the home and one editor per part of the configuration.
import './messages.js';
import './tenant-messages.js';
import './preview.js';
import './home.js';
import './editors.js';
import './forms.js';
import './notifications.js';
import './plugins.js';
import './assignment.js';
import './reminders.js';
import './settings.js';

export { EDITORS as ADMIN_EDITORS } from './editor.js';
