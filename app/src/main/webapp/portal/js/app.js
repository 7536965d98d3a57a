import { signIn, signOut } from './auth.js';
import { html } from './html.js';
import { lang, setLang, t } from './i18n.js';
import { startLive } from './live.js';
import { api } from './api.js';
import { notFoundView } from './components/common.js';
import { allowed, match, ROUTES } from './routes.js';
import { setSession, session } from './session.js';

const main = document.getElementById('main');
let liveState = 'connecting';

/** Path routes under /portal/; the server answers each with this page (PortalPages). */
function route() {
  const found = match(currentPath(), session()?.roles);
  if (found && !found.route.public && !session()) {
    location.reload(); // from a public page to one that needs signing in
    return;
  }
  if (found && (found.route.public || session() && allowed(found.route, session().roles))) {
    const page = document.createElement(found.route.tag);
    (found.route.params ?? []).forEach((name, i) => page.setAttribute(name, found.values[i]));
    main.replaceChildren(page);
  } else {
    document.title = `${t('notFound.title')} · Orden`;
    main.innerHTML = notFoundView(t('notFound.page')).toString();
  }
  drawNav();
}

function currentPath() {
  return location.pathname.replace(/^\/portal/, '') || '/';
}

/** The header's links: the pages with a `nav` entry this user's roles may see, the current one marked. */
function drawNav() {
  const nav = document.getElementById('nav');
  if (!session()) return; // a public page: no links to pages that need signing in
  const path = currentPath();
  const links = ROUTES.filter(r => r.nav && allowed(r, session().roles)).map(r => {
    const current = r.pattern.test(path) ? 'page' : 'false';
    return html`<a href="/portal${r.href}" data-link aria-current="${current}">${t(r.nav)}</a>`;
  });
  nav.innerHTML = links.length > 1 ? links.join('') : '';
}

function navigate(href) {
  history.pushState(null, '', href);
  route();
  main.focus({ preventScroll: true });
  window.scrollTo(0, 0);
}

/** The static texts of the page (data-i18n) and the live indicator, in the current language. */
function translateChrome() {
  document.querySelectorAll('[data-i18n]').forEach(element => { element.textContent = t(element.dataset.i18n); });
  const live = document.getElementById('live');
  live.dataset.state = liveState;
  live.textContent = t(`live.${liveState}`);
  document.getElementById('lang').value = lang();
  if (session()) drawNav();
}

function wireChrome(user) {
  document.getElementById('user').textContent = user?.name ?? user?.email ?? '';
  const signOutButton = document.getElementById('signout');
  signOutButton.hidden = false;
  signOutButton.addEventListener('click', () => signOut());
  wireNavigation();
}

/** The language selector and in-page links, on every page, public or not. */
function wireNavigation() {
  document.getElementById('lang').addEventListener('change', event => setLang(event.target.value));
  window.addEventListener('orden:lang', translateChrome);
  window.addEventListener('popstate', route);
  document.addEventListener('click', event => {
    const link = event.target.closest('a[data-link]');
    if (!link || event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey) {
      return;
    }
    event.preventDefault();
    navigate(link.getAttribute('href'));
  });
}

/** A public page (route flag `public`): shown at once, without signing in or the live stream. */
function startPublic() {
  document.getElementById('live').hidden = true;
  wireNavigation();
  route();
}

async function start() {
  translateChrome();
  if (match(currentPath())?.route.public) return startPublic();
  let user;
  try {
    const config = await (await fetch('/api/v1/portal/config')).json();
    user = await signIn(config, lang());
  } catch {
    main.innerHTML = html`<section class="error" role="alert"><p>${t('signInFailed')}</p></section>`.toString();
    return;
  }
  try {
    setSession(await api('/me'));
  } catch {
    main.innerHTML = html`<section class="error" role="alert"><p>${t('signInFailed')}</p></section>`.toString();
    return;
  }
  wireChrome(user);
  startLive(state => {
    liveState = state;
    translateChrome();
  });
  route();
}

start();
