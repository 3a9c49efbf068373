// npm jose as the independent JOSE implementation for oaskit's interop test
// (tests/jose/interop_test.cpp).
//
//   node jose_mint.mjs <alg>... [--secret <base64url>]
//     For each algorithm, one JSON line {alg, jwk, privateJwk, pkcs8, token, payload}: a fresh
//     key pair (the public and private JWK, the private key as PKCS#8 PEM) and a compact JWS
//     over a fixed payload. HS* algorithms sign with the given secret (jwk is then the oct
//     JWK, privateJwk and pkcs8 null).
//   node jose_mint.mjs verify <alg> <jwk-json> <token> [<alg> <jwk-json> <token>]...
//     For each triple, a line "ok" when jose verifies the token with that key, else "fail".

import * as jose from 'jose';

import { keyPair } from './key_pairs.mjs';

const payload = JSON.stringify({ sub: 'alice', iss: 'https://issuer.example', n: 42 });

async function mint(alg, secret) {
  const protectedHeader = { alg, kid: `jose-${alg}` };
  let signingKey, jwk, privateJwk = null, pkcs8 = null;
  if (alg.startsWith('HS')) {
    signingKey = jose.base64url.decode(secret);
    jwk = { kty: 'oct', k: secret };
  } else {
    const pair = await keyPair(alg);
    signingKey = pair.privateKey;
    jwk = await jose.exportJWK(pair.publicKey);
    privateJwk = await jose.exportJWK(pair.privateKey);
    pkcs8 = await jose.exportPKCS8(pair.privateKey);
  }
  const token = await new jose.CompactSign(new TextEncoder().encode(payload))
    .setProtectedHeader(protectedHeader)
    .sign(signingKey);
  return { alg, jwk, privateJwk, pkcs8, token, payload };
}

async function verify(alg, jwkText, token) {
  try {
    const jwk = JSON.parse(jwkText);
    const key = jwk.kty === 'oct' ? jose.base64url.decode(jwk.k) : await jose.importJWK(jwk, alg);
    await jose.compactVerify(token, key, { algorithms: [alg] });
    return 'ok';
  } catch {
    return 'fail';
  }
}

const args = process.argv.slice(2);
if (args[0] === 'verify') {
  for (let i = 1; i + 2 < args.length; i += 3) {
    console.log(await verify(args[i], args[i + 1], args[i + 2]));
  }
} else {
  const at = args.indexOf('--secret');
  const secret = at >= 0 ? args[at + 1] : undefined;
  const algs = at >= 0 ? args.filter((_, i) => i !== at && i !== at + 1) : args;
  for (const alg of algs) console.log(JSON.stringify(await mint(alg, secret)));
}
