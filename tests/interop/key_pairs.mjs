// Key pairs for the interop scripts (jose_mint.mjs, jose_access_tokens.mjs), made by npm jose.

import * as jose from 'jose';

// RSA key generation is slow: one RSA key pair serves all six RS and PS algorithms (WebCrypto
// binds a key to one algorithm, so it is imported once per algorithm).
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
