// A real, certified authorization server for oaskit's OAuth 2.0 client tests: npm
// oidc-provider on 127.0.0.1, on a port the system picks.
//
//   node authorization_server.mjs
//     Prints one JSON line {issuer, clients} when it accepts connections, then serves until
//     its standard input closes (the test fixture holds it open) or it gets SIGTERM.
//
// Clients:
//   - "service" (confidential, client_secret_basic) and "service-post" (client_secret_post):
//     client_credentials, scopes pets:read pets:write.
//   - "cli": a public native client (no secret) for authorization code with PKCE (S256) and a
//     loopback redirect (RFC 8252: any port on 127.0.0.1), with refresh tokens.
//   - "device": a public client for the device authorization grant (RFC 8628); its user codes
//     are confirmed at oidc-provider's own page, /device, then signed in and consented to
//     through the same development interactions.
// Access tokens for the resource https://api.example.com (RFC 8707 resource indicators) are
// ES256 JWTs (RFC 9068); without a resource they are opaque, for introspection. Login and
// consent are oidc-provider's development interactions: any account name, no password check.

import * as http from 'node:http';
import * as jose from 'jose';
import Provider from 'oidc-provider';

const resource = 'https://api.example.com';
const apiScopes = 'pets:read pets:write';

const signingKey = await jose.generateKeyPair('ES256', { extractable: true });
const jwks = { keys: [{ ...(await jose.exportJWK(signingKey.privateKey)), kid: 'as-1', alg: 'ES256', use: 'sig' }] };

const clients = [
  {
    client_id: 'service',
    client_secret: 'service-secret-0123456789abcdef',
    grant_types: ['client_credentials'],
    response_types: [],
    redirect_uris: [],
    token_endpoint_auth_method: 'client_secret_basic',
    scope: apiScopes,
  },
  {
    client_id: 'service-post',
    client_secret: 'service-post-secret-0123456789ab',
    grant_types: ['client_credentials'],
    response_types: [],
    redirect_uris: [],
    token_endpoint_auth_method: 'client_secret_post',
    scope: apiScopes,
  },
  {
    client_id: 'cli',
    application_type: 'native',
    grant_types: ['authorization_code', 'refresh_token'],
    response_types: ['code'],
    redirect_uris: ['http://127.0.0.1/callback'],
    token_endpoint_auth_method: 'none',
    scope: `openid offline_access ${apiScopes}`,
  },
  {
    client_id: 'device',
    grant_types: ['urn:ietf:params:oauth:grant-type:device_code'],
    response_types: [],
    redirect_uris: [],
    token_endpoint_auth_method: 'none',
    scope: apiScopes,
  },
];

const server = http.createServer();
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const issuer = `http://127.0.0.1:${server.address().port}`;

const provider = new Provider(issuer, {
  clients,
  clientDefaults: { id_token_signed_response_alg: 'ES256' },
  jwks,
  scopes: ['openid', 'offline_access', 'pets:read', 'pets:write'],
  pkce: { required: () => true },
  features: {
    clientCredentials: { enabled: true },
    introspection: { enabled: true },
    revocation: { enabled: true },
    devInteractions: { enabled: true },
    deviceFlow: { enabled: true },
    resourceIndicators: {
      enabled: true,
      defaultResource: () => undefined,
      useGrantedResource: () => true,
      getResourceServerInfo: (ctx, indicator) => {
        if (indicator !== resource) throw new Error(`unknown resource ${indicator}`);
        return {
          scope: apiScopes,
          audience: resource,
          accessTokenTTL: 600,
          accessTokenFormat: 'jwt',
          jwt: { sign: { alg: 'ES256' } },
        };
      },
    },
  },
  // Refresh tokens for every client allowed the grant, not only with offline_access.
  issueRefreshToken: async (ctx, client) => client.grantTypeAllowed('refresh_token'),
  // Any account name signs in (development interactions check no password).
  findAccount: async (ctx, id) => ({ accountId: id, claims: async () => ({ sub: id }) }),
  ttl: { AccessToken: 600, ClientCredentials: 600, RefreshToken: 3600 },
});
provider.proxy = false;
server.on('request', provider.callback());

// Standard output carries the one line the fixture reads, then it may be closed: everything the
// provider logs goes to standard error.
process.stdout.write(`${JSON.stringify({ issuer, resource, clients: clients.map((c) => c.client_id) })}\n`);
console.log = console.error;
console.info = console.error;

const stop = () => server.close(() => process.exit(0));
process.stdin.on('end', stop);
process.stdin.resume();
process.on('SIGTERM', stop);
