// Sign-in through Keycloak: authorization code with PKCE (S256), public client, tokens kept in memory only.
let keycloak;

export async function signIn(config, locale) {
  keycloak = new window.Keycloak({ url: config.keycloakUrl, realm: config.realm, clientId: config.clientId });
  keycloak.onTokenExpired = () => keycloak.updateToken(30).catch(() => keycloak.login({ locale }));
  await keycloak.init({
    onLoad: 'login-required',
    pkceMethod: 'S256',
    // The session iframe needs third-party cookies, which browsers block; token refresh tells the same.
    checkLoginIframe: false,
    locale,
  });
  return keycloak.tokenParsed;
}

/** A token valid for at least 30 more seconds, refreshed if needed; a session that ended signs in again. */
export async function token() {
  try {
    await keycloak.updateToken(30);
  } catch {
    await keycloak.login();
    throw new Error('The session has ended');
  }
  return keycloak.token;
}

export function signOut() {
  return keycloak.logout({ redirectUri: `${location.origin}/portal/` });
}
