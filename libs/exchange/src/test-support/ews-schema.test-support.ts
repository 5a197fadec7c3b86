import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The EWS schema the project validates against (../shared/schemas/ews from the repository root). */
const SHARED_SCHEMA_DIR = fileURLToPath(new URL('../../../../../shared/schemas/ews/', import.meta.url));

/** The shared schema when the checkout has it beside it, else the given copy of the same files. */
export function ewsSchemaDir(fallbackDir: string): string {
  return existsSync(`${SHARED_SCHEMA_DIR}messages.xsd`) ? SHARED_SCHEMA_DIR : fallbackDir;
}
