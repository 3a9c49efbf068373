// An independent relying party against oaskit's development authorization server: npm
// openid-client 5 (certified OpenID Connect relying party, by the author of oidc-provider) and
// jose for the access tokens.
//
//   node openid_client.mjs <issuer> <json>
//
// <json>: {"service": {"client_id", "client_secret"}, "public": {"client_id", "redirect_uri"},
//          "user": {"username", "password"}, "scope": "a b", "audience": "..."}
// Runs discovery, client credentials, the authorization code flow with PKCE (signing in and
// consenting over HTTP, as a browser would post the page's form), refresh with rotation,
// introspection and revocation, and checks every access token with jose against the JWKS.
// Prints one JSON line: {"steps": [{"step", "ok", "detail"}...], "tokens": [access tokens]}.
// Exits 1 when a step failed.

import { Issuer, generators, errors } from 'openid-client';
import { createRemoteJWKSet, jwtVerify } from 'jose';

const [issuerUrl, configText] = process.argv.slice(2);
const config = JSON.parse(configText);
const steps = [];
const tokens = [];

async function step(name, run) {
  try {
    const detail = await run();
    steps.push({ step: name, ok: true, detail: detail ?? '' });
  } catch (error) {
    steps.push({ step: name, ok: false, detail: String(error && (error.stack || error)) });
  }
}

function expect(condition, message) {
  if (!condition) throw new Error(message);
}

// The sign-in and consent page, as a browser without JavaScript uses it.
async function signIn(authorizationUrl, decision) {
  const page = await fetch(authorizationUrl, { redirect: 'manual' });
  expect(page.status === 200, `the authorization page answered ${page.status}`);
  const html = await page.text();
  const hidden = (name) => {
    const match = html.match(new RegExp(`name="${name}" value="([^"]+)"`));
    expect(match, `the page has no hidden ${name}`);
    return match[1];
  };
  const cookie = page.headers.get('set-cookie').split(';')[0];
  const form = new URLSearchParams({
    request: hidden('request'),
    csrf: hidden('csrf'),
    username: config.user.username,
    password: config.user.password,
    decision,
  });
  const action = new URL(html.match(/<form method="post" action="([^"]+)"/)[1], authorizationUrl);
  const posted = await fetch(action, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie },
    body: form,
  });
  expect(posted.status === 303, `the sign-in answered ${posted.status}`);
  return posted.headers.get('location');
}

const issuer = await Issuer.discover(issuerUrl).catch((error) => {
  steps.push({ step: 'discovery', ok: false, detail: String(error) });
  return null;
});
if (issuer) {
  steps.push({ step: 'discovery', ok: true, detail: issuer.metadata.token_endpoint });
  const jwks = createRemoteJWKSet(new URL(issuer.metadata.jwks_uri));
  const verify = async (token) => {
    const { payload, protectedHeader } = await jwtVerify(token, jwks, {
      issuer: issuer.metadata.issuer,
      audience: config.audience,
      typ: 'at+jwt',
      algorithms: ['ES256'],
    });
    expect(payload.client_id && payload.sub && payload.jti && payload.iat && payload.exp,
           'an RFC 9068 claim is missing');
    tokens.push(token);
    return `${protectedHeader.alg} ${payload.sub} ${payload.scope ?? ''}`;
  };

  const service = new issuer.Client({
    client_id: config.service.client_id,
    client_secret: config.service.client_secret,
    token_endpoint_auth_method: 'client_secret_basic',
  });
  let serviceToken;
  await step('client_credentials', async () => {
    const set = await service.grant({ grant_type: 'client_credentials', scope: config.scope });
    expect(set.token_type === 'Bearer', `token_type ${set.token_type}`);
    expect(set.scope === config.scope, `scope ${set.scope}`);
    serviceToken = set.access_token;
    return verify(set.access_token);
  });
  await step('client_credentials refused for a wrong secret', async () => {
    const wrong = new issuer.Client({ client_id: config.service.client_id, client_secret: 'no' });
    try {
      await wrong.grant({ grant_type: 'client_credentials' });
    } catch (error) {
      expect(error instanceof errors.OPError && error.error === 'invalid_client', String(error));
      return error.error;
    }
    throw new Error('a wrong secret got a token');
  });

  const app = new issuer.Client({
    client_id: config.public.client_id,
    token_endpoint_auth_method: 'none',
    redirect_uris: [config.public.redirect_uri],
    response_types: ['code'],
  });
  let codeTokens;
  await step('authorization_code with PKCE', async () => {
    const verifier = generators.codeVerifier();
    const state = generators.state();
    const url = app.authorizationUrl({
      scope: config.scope,
      state,
      code_challenge: generators.codeChallenge(verifier),
      code_challenge_method: 'S256',
    });
    const location = await signIn(url, 'allow');
    const params = app.callbackParams(location);
    expect(params.iss === issuer.metadata.issuer, 'RFC 9207: the redirect names the issuer');
    // oauthCallback checks state and iss (the metadata says the server sends it).
    codeTokens = await app.oauthCallback(config.public.redirect_uri, params, {
      code_verifier: verifier,
      state,
    });
    expect(codeTokens.refresh_token, 'no refresh token');
    return verify(codeTokens.access_token);
  });
  await step('access_denied when the user denies', async () => {
    const verifier = generators.codeVerifier();
    const state = generators.state();
    const url = app.authorizationUrl({
      scope: config.scope, state, code_challenge: generators.codeChallenge(verifier),
      code_challenge_method: 'S256',
    });
    const params = app.callbackParams(await signIn(url, 'deny'));
    try {
      await app.oauthCallback(config.public.redirect_uri, params, { code_verifier: verifier, state });
    } catch (error) {
      expect(error instanceof errors.OPError && error.error === 'access_denied', String(error));
      return error.error;
    }
    throw new Error('a denied request gave tokens');
  });
  let refreshed;
  await step('refresh with rotation', async () => {
    refreshed = await app.refresh(codeTokens.refresh_token);
    expect(refreshed.refresh_token && refreshed.refresh_token !== codeTokens.refresh_token,
           'the refresh token was not rotated');
    return verify(refreshed.access_token);
  });
  await step('a replayed refresh token is refused', async () => {
    try {
      await app.refresh(codeTokens.refresh_token);
    } catch (error) {
      expect(error instanceof errors.OPError && error.error === 'invalid_grant', String(error));
      return error.error;
    }
    throw new Error('a rotated refresh token worked twice');
  });
  await step('introspection', async () => {
    const active = await service.introspect(serviceToken);
    expect(active.active === true && active.client_id === config.service.client_id,
           JSON.stringify(active));
    const replayed = await service.introspect(refreshed.access_token);
    expect(replayed.active === false, 'the replay did not revoke the chain');
    const unknown = await service.introspect('not-a-token');
    expect(unknown.active === false, 'an unknown token is active');
    return 'active, then inactive after the replay';
  });
  await step('revocation', async () => {
    await service.revoke(serviceToken, 'access_token');
    const after = await service.introspect(serviceToken);
    expect(after.active === false, 'a revoked token is still active');
    return 'revoked';
  });
}

console.log(JSON.stringify({ steps, tokens }));
process.exit(steps.every((s) => s.ok) && issuer ? 0 : 1);
