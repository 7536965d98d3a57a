import './components/orders.js';
import './components/order.js';
import './components/staff/queue.js';
import './components/staff/staff-order.js';

/**
 * The portal's pages, first match wins. `pattern` is matched against the path below /portal; its groups become the
 * element's attributes named in `params`. `roles`: who may see the page (absent: everyone signed in). `nav` and
 * `href`: the message key and the path of its link in the header, for pages that have one. `public`: shown without signing in.
 * A feature adds its page here and imports its component above. A route the user's roles may not see is skipped,
 * so one path can have a page per audience (an order: staff's first, then everyone's).
 */
const STAFF = ['agent', 'dispatcher', 'tenant-admin'];

export const ROUTES = [
  { pattern: /^\/$/, tag: 'orden-orders', nav: 'nav.myOrders', href: '/' },
  { pattern: /^\/queue\/?$/, tag: 'orden-queue', roles: STAFF, nav: 'nav.queues', href: '/queue' },
  { pattern: /^\/workorders\/([^/]+)\/?$/, tag: 'orden-staff-order', params: ['ref'], roles: STAFF },
  { pattern: /^\/workorders\/([^/]+)\/?$/, tag: 'orden-order', params: ['ref'] },
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
