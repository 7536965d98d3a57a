import './components/orders.js';
import './components/order.js';
import './components/rules/rules-page.js';
import './components/rules/rule-editor.js';
import './components/rules/versions.js';

/**
 * The portal's pages, first match wins. `pattern` is matched against the path below /portal; its groups become the
 * element's attributes named in `params`. `roles`: who may see the page (absent: everyone signed in). `nav` and
 * `href`: the message key and the path of its link in the header, for pages that have one. `public`: shown without signing in.
 * A feature adds its page here and imports its component above.
 */
export const ROUTES = [
  { pattern: /^\/$/, tag: 'orden-orders', nav: 'nav.myOrders', href: '/' },
  { pattern: /^\/workorders\/([^/]+)\/?$/, tag: 'orden-order', params: ['ref'] },
  {
    pattern: /^\/admin\/rules\/?$/, tag: 'orden-rules', roles: ['tenant-admin'], nav: 'nav.rules', href: '/admin/rules',
  },
  { pattern: /^\/admin\/rules\/new\/?$/, tag: 'orden-rule-editor', roles: ['tenant-admin'] },
  { pattern: /^\/admin\/rules\/edit\/([^/]+)\/?$/, tag: 'orden-rule-editor', params: ['key'], roles: ['tenant-admin'] },
  { pattern: /^\/admin\/rules\/versions\/?$/, tag: 'orden-config-versions', roles: ['tenant-admin'] },
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
