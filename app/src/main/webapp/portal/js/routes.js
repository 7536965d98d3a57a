import './components/orders.js';
import './components/order.js';
import './components/people/messages.js';
import './components/people/people.js';
import './components/audit/audit.js';

/**
 * The portal's pages, first match wins. `pattern` is matched against the path below /portal; its groups become the
 * element's attributes named in `params`. `roles`: who may see the page (absent: everyone signed in). `nav` and
 * `href`: the message key and the path of its link in the header, for pages that have one. `public`: shown without signing in.
 * A feature adds its page here and imports its component above.
 */
export const ROUTES = [
  { pattern: /^\/$/, tag: 'orden-orders', nav: 'nav.myOrders', href: '/' },
  { pattern: /^\/workorders\/([^/]+)\/?$/, tag: 'orden-order', params: ['ref'] },
  { pattern: /^\/admin\/users\/?$/, tag: 'orden-people', roles: ['tenant-admin'], nav: 'nav.people',
    href: '/admin/users' },
  { pattern: /^\/admin\/audit\/?$/, tag: 'orden-audit', roles: ['tenant-admin'], nav: 'nav.audit',
    href: '/admin/audit' },
];

export function match(path) {
  for (const route of ROUTES) {
    const found = path.match(route.pattern);
    if (found) return { route, values: found.slice(1).map(decodeURIComponent) };
  }
  return null;
}

export function allowed(route, roles) {
  return !route.roles || route.roles.some(role => roles.includes(role));
}
