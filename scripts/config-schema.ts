// Writes candor.config.schema.json from the zod schema: npm run schema. A test keeps it current.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { configJsonSchema } from '../src/core/schema/config.ts';

writeFileSync(join(import.meta.dirname, '..', 'candor.config.schema.json'), configJsonSchema());
