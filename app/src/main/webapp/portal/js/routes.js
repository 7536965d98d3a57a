import './components/orders.js';
import './components/order.js';
import './components/requester/new-order.js';
import './components/requester/rate-link.js';
import './components/requester/signup.js';
import './components/people/messages.js';
import './components/people/people.js';
import './components/audit/audit.js';
import './components/rules/rules-page.js';
import './components/rules/rule-editor.js';
import './components/rules/versions.js';
import './components/dispatch/board.js';
import './components/dispatch/dashboard.js';
import './components/staff/queue.js';
import './components/staff/staff-order.js';

import { ADMIN_EDITORS } from './components/admin/index.js';

/**
 * The portal's pages, first match wins. `pattern` is matched against the path below /portal; its groups become the
 * element's attributes named in `params`. `roles`: who may see the page (absent: everyone signed in). `nav` and
 * `href`: the message key and the path of its link in the header, for pages that have one. `public`: shown without
 * signing in (app.js then skips sign-in and the live stream).
 * A feature adds its page here and imports its component above. A route the user's roles may not see is skipped,
 * so one path can have a page per audience (an order: staff's first, then everyone's).
 */
const STAFF = ['agent', 'dispatcher', 'tenant-admin'];

export const ROUTES = [
  { pattern: /^\/$/, tag: 'orden-orders', nav: 'nav.myOrders', href: '/' },
  { pattern: /^\/new\/?$/, tag: 'orden-new-order', nav: 'nav.newOrder', href: '/new' },
  { pattern: /^\/rate\/([^/]+)\/?$/, tag: 'orden-rate-link', params: ['token'], public: true },
  { pattern: /^\/signup\/?$/, tag: 'orden-signup', public: true },
  { pattern: /^\/queue\/?$/, tag: 'orden-queue', roles: STAFF, nav: 'nav.queues', href: '/queue' },
  { pattern: /^\/workorders\/([^/]+)\/?$/, tag: 'orden-staff-order', params: ['ref'], roles: STAFF },
  { pattern: /^\/workorders\/([^/]+)\/?$/, tag: 'orden-order', params: ['ref'] },
  { pattern: /^\/dispatch\/?$/, tag: 'orden-dispatch-board', roles: ['dispatcher', 'tenant-admin'],
    nav: 'nav.dispatch', href: '/dispatch' },
  { pattern: /^\/dashboard\/?$/, tag: 'orden-dashboard', roles: ['dispatcher', 'tenant-admin'],
    nav: 'nav.dashboard', href: '/dashboard' },
  { pattern: /^\/admin\/?$/, tag: 'orden-admin-home', roles: ['tenant-admin'], nav: 'nav.settings', href: '/admin' },
  ...ADMIN_EDITORS.map(name => ({ pattern: new RegExp(`^/admin/${name}/?$`), tag: `orden-admin-${name}`,
    roles: ['tenant-admin'] })),
  { pattern: /^\/admin\/users\/?$/, tag: 'orden-people', roles: ['tenant-admin'], nav: 'nav.people',
    href: '/admin/users' },
  { pattern: /^\/admin\/audit\/?$/, tag: 'orden-audit', roles: ['tenant-admin'], nav: 'nav.audit',
    href: '/admin/audit' },
  {
    pattern: /^\/admin\/rules\/?$/, tag: 'orden-rules', roles: ['tenant-admin'], nav: 'nav.rules', href: '/admin/rules',
  },
  { pattern: /^\/admin\/rules\/new\/?$/, tag: 'orden-rule-editor', roles: ['tenant-admin'] },
  { pattern: /^\/admin\/rules\/edit\/([^/]+)\/?$/, tag: 'orden-rule-editor', params: ['key'], roles: ['tenant-admin'] },
  { pattern: /^\/admin\/rules\/versions\/?$/, tag: 'orden-config-versions', roles: ['tenant-admin'] },
];

export function match(path, roles) {
  for (const route of ROUTES) {
    const found = path.match(route.pattern);
    if (found && (!roles || allowed(route, roles))) return { route, values: found.slice(1).map(decodeURIComponent) };
  }
  return null;
}

export function allowed(route, roles) {
  return !route.roles || route.roles.some(role => roles.includes(role));
}
