import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { configJsonSchema } from './json-schema.js';

// Regenerates the editor schema: `pnpm --filter @connector/config gen:schema`.
const target = resolve(import.meta.dirname, '../connector-config.schema.json');
writeFileSync(target, `${JSON.stringify(configJsonSchema(), null, 2)}\n`);
process.stdout.write(`wrote ${target}\n`);
