// npm jose as an independent authorization server for oaskit's end-to-end test
// (tests/security/end_to_end_test.cpp): RFC 9068 access tokens, one per asymmetric algorithm.
//
//   node jose_access_tokens.mjs <issuer> <audience> <scope>
//     Prints one JSON object {jwks, tokens}: `jwks` is the public JWK Set (kid, alg and use set),
//     `tokens` maps each algorithm to a compact JWS with typ "at+jwt" whose claims are
//     iss, aud, sub, client_id, scope, iat and exp (ten minutes from now).

import * as jose from 'jose';

import { keyPair } from './key_pairs.mjs';

const [issuer, audience, scope] = process.argv.slice(2);
if (!issuer || !audience || scope === undefined) {
  console.error('usage: node jose_access_tokens.mjs <issuer> <audience> <scope>');
  process.exit(2);
}

const algorithms = ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512',
                    'ES256', 'ES384', 'ES512', 'EdDSA'];
const keys = [];
const tokens = {};
for (const alg of algorithms) {
  const pair = await keyPair(alg);
  const kid = `e2e-${alg}`;
  keys.push({ ...(await jose.exportJWK(pair.publicKey)), kid, alg, use: 'sig' });
  const now = Math.floor(Date.now() / 1000);
  tokens[alg] = await new jose.SignJWT({ client_id: 'svc-client', scope })
    .setProtectedHeader({ alg, kid, typ: 'at+jwt' })
    .setIssuer(issuer)
    .setAudience(audience)
    .setSubject('svc-client')
    .setIssuedAt(now)
    .setExpirationTime(now + 600)
    .sign(pair.privateKey);
}
process.stdout.write(JSON.stringify({ jwks: { keys }, tokens }) + '\n');
