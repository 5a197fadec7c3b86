export { TOKEN_ERROR_CODES, TokenError, isTokenError, type TokenErrorCode } from './token.error.js';
export { TOKEN_VERSION, TOKEN_ALGORITHMS, decodeToken, type TokenAlgorithm, type TokenClaims, type DecodedToken } from './token-codec.js';
export {
  generateKeyPair,
  generateHmacSecret,
  loadPrivateKey,
  loadPublicKey,
  loadSecret,
  type GeneratedKeyPair,
  type KeySource,
  type SecretSource,
} from './keys.js';
export { createTokenSigner, randomNonce, type SigningKey, type TokenSigner, type TokenSignerOptions } from './signer.js';
export { createTokenVerifier, type VerificationKey, type TokenVerifier, type TokenVerifierOptions, type VerifiedToken } from './verifier.js';
export type { NonceStore } from './nonce-store.port.js';
export { MemoryNonceStore } from './memory-nonce-store.adapter.js';
export { PgNonceStore, nonceTableSql, type PgNonceStoreOptions, type SqlQueryable } from './pg-nonce-store.adapter.js';
export { writeKeyFiles } from './keygen.cli.js';
export { CONNECTOR_PRINCIPAL } from './principal.js';
