import type { Resource } from '@adminjs/prisma';
import type { PrismaClient } from '@prisma/client';
import type { Datamodel } from '../../db/dmmf.js';

/** What @adminjs/prisma needs for one model, with the full DMMF (see src/db/dmmf.ts). */
export function resourceArgs(
  prisma: PrismaClient,
  datamodel: Datamodel,
  modelName: string,
): ConstructorParameters<typeof Resource>[0] {
  const model = datamodel.models.find((candidate) => candidate.name === modelName);
  if (!model) throw new Error(`${modelName} model missing from the generated DMMF: run \`prisma generate\``);
  return { model: model as never, client: prisma, clientModule: { Prisma: { dmmf: { datamodel } } } };
}
