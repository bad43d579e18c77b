/** `npm run test:pg` runs the integration suite on PostgreSQL: TEST_DATABASE_URL must name a reachable one. */
import pg from 'pg';

export default async function requirePostgres(): Promise<void> {
  const url = process.env.TEST_DATABASE_URL;
  if (!url || !/^postgres(ql)?:\/\//.test(url)) {
    throw new Error(
      'npm run test:pg needs TEST_DATABASE_URL=postgresql://USER@HOST:PORT/DATABASE (each test file gets its own schema in it)',
    );
  }
  const client = new pg.Client({ connectionString: url });
  try {
    await client.connect();
    await client.query('SELECT 1');
  } catch (error) {
    throw new Error(`TEST_DATABASE_URL is not reachable: ${(error as Error).message}`, { cause: error });
  } finally {
    await client.end().catch(() => {});
  }
}
