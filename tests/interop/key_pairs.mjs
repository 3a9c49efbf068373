// Key pairs for the interop scripts (jose_mint.mjs, jose_access_tokens.mjs), made by npm jose.

import * as jose from 'jose';

// RSA key generation is slow: one RSA key pair serves all six RS and PS algorithms, imported
// once per algorithm. jose 5 on Node.js makes node:crypto KeyObjects, which any of them may use;
// importing per algorithm keeps this right where jose makes WebCrypto keys (jose 6), which are
// bound to one algorithm. `extractable` matters only to those WebCrypto keys.
let rsaPkcs8 = null;

/// An extractable {privateKey, publicKey} for `alg`.
export async function keyPair(alg) {
  if (!/^(RS|PS)/.test(alg)) return jose.generateKeyPair(alg, { extractable: true });
  rsaPkcs8 ??= await jose.exportPKCS8(
    (await jose.generateKeyPair('RS256', { extractable: true })).privateKey);
  const privateKey = await jose.importPKCS8(rsaPkcs8, alg, { extractable: true });
  const { d, p, q, dp, dq, qi, ...publicJwk } = await jose.exportJWK(privateKey);
  return { privateKey, publicKey: await jose.importJWK(publicJwk, alg) };
}
