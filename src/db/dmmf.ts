import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

interface DmmfModel {
  name: string;
  fields: Array<Record<string, unknown>>;
}
export interface Datamodel {
  models: DmmfModel[];
  enums: Array<{ name: string; values: Array<{ name: string }> }>;
}

/**
 * The full datamodel written by prisma/generators/dmmf.cjs at `prisma generate`.
 * (The engineType "client" runtime's own Prisma.dmmf lacks isId, isRequired and enums.)
 */
export function loadDatamodel(): Datamodel {
  const clientDir = path.dirname(createRequire(import.meta.url).resolve('@prisma/client/package.json'));
  const file = path.resolve(clientDir, '../../.prisma/dmmf.json');
  return JSON.parse(readFileSync(file, 'utf8')) as Datamodel;
}
