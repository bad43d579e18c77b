/**
 * The data model as a Mermaid entity-relationship diagram, generated from prisma/schema.prisma so it
 * cannot drift: `npm run docs:er` writes it into docs/architecture.md between two marker comments,
 * and tests/unit/er-diagram.test.ts fails when the committed diagram is stale. The schema is read by
 * Prisma's own parser (its wasm build, pinned to the engines of the installed Prisma).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import prismaSchemaWasm from '@prisma/prisma-schema-wasm';

const ROOT = path.resolve(import.meta.dirname, '..');
export const SCHEMA_FILE = path.join(ROOT, 'prisma/schema.prisma');
export const ARCHITECTURE_FILE = path.join(ROOT, 'docs/architecture.md');

export const BEGIN_MARKER =
  '<!-- er-diagram: generated from prisma/schema.prisma by `npm run docs:er` (scripts/er-diagram.ts); do not edit by hand -->';
export const END_MARKER = '<!-- /er-diagram -->';

interface DmmfField {
  name: string;
  kind: 'scalar' | 'object' | 'enum' | 'unsupported';
  type: string;
  isList: boolean;
  isRequired: boolean;
  isId: boolean;
  isUnique: boolean;
  relationName?: string;
  relationFromFields?: string[];
}
interface DmmfModel {
  name: string;
  fields: DmmfField[];
}
interface Datamodel {
  models: DmmfModel[];
  enums: { name: string; values: { name: string }[] }[];
}

function datamodelOf(schema: string): Datamodel {
  const dmmf = JSON.parse(prismaSchemaWasm.get_dmmf(JSON.stringify({ prismaSchema: [['schema.prisma', schema]] }))) as {
    datamodel: Datamodel;
  };
  return dmmf.datamodel;
}

/** `Int createdById FK "optional"`: type, name, keys, and whether it may be empty. */
function attribute(field: DmmfField, foreignKeys: Set<string>): string {
  const keys = [field.isId && 'PK', foreignKeys.has(field.name) && 'FK', field.isUnique && 'UK'].filter(Boolean);
  const type = field.isList ? `${field.type}[]` : field.type;
  return [type, field.name, keys.join(', '), field.isRequired ? '' : '"optional"'].filter(Boolean).join(' ');
}

/**
 * One line per relation, drawn from the side that holds the foreign key: `User |o--o{ Customer : "createdBy"`
 * reads "a customer has zero or one createdBy user; a user has zero or more such customers".
 */
function relationship(model: DmmfModel, field: DmmfField, models: DmmfModel[]): string {
  const target = models.find((candidate) => candidate.name === field.type)!;
  const back = target.fields.find((candidate) => candidate.relationName === field.relationName && candidate !== field);
  const parentSide = field.isRequired ? '||' : '|o';
  const childSide = back?.isList ? 'o{' : 'o|';
  return `  ${target.name} ${parentSide}--${childSide} ${model.name} : "${field.name}"`;
}

/** The generated section: the diagram, then each enum's values (erDiagram has no enums). */
export function erDiagramSection(schema: string): string {
  const { models, enums } = datamodelOf(schema);
  const lines = ['```mermaid', 'erDiagram'];
  for (const model of models) {
    const relationFields = model.fields.filter((field) => field.kind === 'object');
    for (const field of relationFields) {
      if (field.relationFromFields?.length) lines.push(relationship(model, field, models));
    }
  }
  for (const model of models) {
    const foreignKeys = new Set(model.fields.flatMap((field) => field.relationFromFields ?? []));
    lines.push(`  ${model.name} {`);
    for (const field of model.fields) {
      if (field.kind !== 'object') lines.push(`    ${attribute(field, foreignKeys)}`);
    }
    lines.push('  }');
  }
  lines.push('```');
  for (const { name, values } of enums) {
    lines.push('', `\`${name}\` is one of ${values.map((value) => `\`${value.name}\``).join(', ')}.`);
  }
  return [BEGIN_MARKER, '', ...lines, '', END_MARKER].join('\n');
}

/** The section as committed in a document, or null when the markers are missing. */
export function committedSection(document: string): string | null {
  const start = document.indexOf(BEGIN_MARKER);
  const end = document.indexOf(END_MARKER, start);
  return start === -1 || end === -1 ? null : document.slice(start, end + END_MARKER.length);
}

export function withSection(document: string, section: string): string {
  const current = committedSection(document);
  if (current === null) throw new Error(`${ARCHITECTURE_FILE} has no ${BEGIN_MARKER} … ${END_MARKER} section`);
  return document.replace(current, () => section);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const document = readFileSync(ARCHITECTURE_FILE, 'utf8');
  const updated = withSection(document, erDiagramSection(readFileSync(SCHEMA_FILE, 'utf8')));
  if (updated === document) {
    console.log('docs/architecture.md: the data model diagram is up to date.');
  } else {
    writeFileSync(ARCHITECTURE_FILE, updated);
    console.log('docs/architecture.md: the data model diagram was rewritten from prisma/schema.prisma.');
  }
}
