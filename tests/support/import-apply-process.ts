/**
 * A process that applies one customer import and then waits to be killed: the resume test kills
 * it mid-way (SIGKILL, no chance to clean up) to see what an interrupted import leaves behind.
 * Env: DATABASE_URL, IMPORT_ID, ACTOR_ID, IMPORT_BATCH_SIZE.
 */
import { createPrismaClient } from '../../src/db/client.js';
import { createServices } from '../../src/domain/services.js';
import { createMailbox } from './mailbox.js';

const prisma = createPrismaClient(process.env.DATABASE_URL!);
const services = createServices({
  prisma,
  defaultPhoneRegion: 'US',
  mail: createMailbox().sender,
  publicUrl: 'http://backoffice.test',
  importBatchSize: Number(process.env.IMPORT_BATCH_SIZE),
  onImportError: (error) => console.error('import failed', error),
});
const view = await services.imports.apply(Number(process.env.IMPORT_ID), {
  id: Number(process.env.ACTOR_ID),
  role: 'MANAGER',
});
console.log(`applying: ${view.status}`);
// Kept alive until killed: the apply runs in the background of this process.
setInterval(() => {}, 60_000);
