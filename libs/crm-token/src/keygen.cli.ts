import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateHmacSecret, generateKeyPair } from './keys.js';

/**
 * Writes `token-private.pem` (for the connector) and `token-public.pem` (for CRM.interface) into `dir`,
 * or an HMAC secret when asked. Usage: `tsx libs/crm-token/src/keygen.cli.ts <dir> [--hmac]`.
 */
export function writeKeyFiles(dir: string, hmac = false): string[] {
  mkdirSync(dir, { recursive: true });
  if (hmac) {
    const file = join(dir, 'token-secret.txt');
    writeFileSync(file, `${generateHmacSecret()}\n`, { mode: 0o600 });
    return [file];
  }
  const pair = generateKeyPair();
  const privateFile = join(dir, 'token-private.pem');
  const publicFile = join(dir, 'token-public.pem');
  writeFileSync(privateFile, pair.privateKeyPem, { mode: 0o600 });
  writeFileSync(publicFile, pair.publicKeyPem);
  return [privateFile, publicFile];
}

if (process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href) {
  const dir = process.argv[2];
  if (!dir) {
    process.stderr.write('usage: keygen <output-dir> [--hmac]\n');
    process.exit(2);
  }
  for (const file of writeKeyFiles(dir, process.argv.includes('--hmac'))) process.stdout.write(`${file}\n`);
}
