// The signed-in user as the API knows them (GET /me): id, tenant and roles; set once after sign-in.
let me = null;

export function setSession(user) {
  me = Object.freeze({ ...user, roles: user.roles ?? [] });
}

export function session() {
  return me;
}

export function hasRole(...roles) {
  return roles.some(role => me?.roles.includes(role));
}
