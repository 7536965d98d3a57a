import './components/orders.js';
import './components/order.js';
import './components/dispatch/board.js';
import './components/dispatch/dashboard.js';

/**
 * The portal's pages, first match wins. `pattern` is matched against the path below /portal; its groups become the
 * element's attributes named in `params`. `roles`: who may see the page (absent: everyone signed in). `nav` and
 * `href`: the message key and the path of its link in the header, for pages that have one. `public`: shown without signing in.
 * A feature adds its page here and imports its component above.
 */
export const ROUTES = [
  { pattern: /^\/$/, tag: 'orden-orders', nav: 'nav.myOrders', href: '/' },
  { pattern: /^\/workorders\/([^/]+)\/?$/, tag: 'orden-order', params: ['ref'] },
  { pattern: /^\/dispatch\/?$/, tag: 'orden-dispatch-board', roles: ['dispatcher', 'tenant-admin'],
    nav: 'nav.dispatch', href: '/dispatch' },
  { pattern: /^\/dashboard\/?$/, tag: 'orden-dashboard', roles: ['dispatcher', 'tenant-admin'],
    nav: 'nav.dashboard', href: '/dashboard' },
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
