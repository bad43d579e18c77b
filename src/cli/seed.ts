/** npm run seed -- --customers N [--force]: deterministic fake customers 1 … N (see src/seed/). */
import { parseArgs } from 'node:util';
import cliProgress from 'cli-progress';
import { RealCustomersPresentError, seedCustomers } from '../seed/seed-customers.js';
import { CommandError } from './command-error.js';
import { runCommand } from './run.js';

const { values } = parseArgs({
  options: { customers: { type: 'string', default: '1000' }, force: { type: 'boolean', default: false } },
});

await runCommand(async ({ prisma, config }) => {
  const customers = Number(values.customers);
  if (!Number.isSafeInteger(customers) || customers < 1)
    throw new CommandError('--customers must be a whole number of at least 1.');
  const bar = new cliProgress.SingleBar(
    { format: 'Customers [{bar}] {percentage}% | {value}/{total} | {eta_formatted} left', stream: process.stderr },
    cliProgress.Presets.shades_classic,
  );
  const started = performance.now();
  try {
    const result = await seedCustomers({
      prisma,
      databaseUrl: config.databaseUrl,
      customers,
      force: values.force,
      onProgress: (done, total) => (bar.isActive ? bar.update(done) : bar.start(total, done)),
      onIndexing: () => {
        bar.stop();
        console.error('Bringing the indexes up to date…');
      },
    });
    bar.stop();
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.log(
      result.added === 0
        ? `The database already holds ${result.alreadySeeded} seeded customers: nothing to add.`
        : `Added ${result.added} seeded customers (now ${result.alreadySeeded + result.added}) in ${seconds} s.`,
    );
  } catch (error) {
    bar.stop();
    throw error instanceof RealCustomersPresentError ? new CommandError(error.message) : error;
  }
});
