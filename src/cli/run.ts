import { startRuntime, type Runtime } from '../runtime.js';
import { ConfigError, loadConfig, loadDotEnv } from '../config/config.js';
import { FieldValidationError } from '../domain/errors.js';
import { CommandError } from './command-error.js';

/** Runs a CLI command with the app's runtime; user errors become one clear line and exit code 1. */
export async function runCommand(command: (runtime: Runtime) => Promise<void>): Promise<void> {
  loadDotEnv();
  let runtime: Runtime | undefined;
  try {
    runtime = await startRuntime(loadConfig());
    await command(runtime);
  } catch (error) {
    if (error instanceof FieldValidationError) {
      for (const [field, message] of Object.entries(error.fieldErrors)) console.error(`Error: ${field}: ${message}`);
    } else if (error instanceof ConfigError || error instanceof CommandError) {
      console.error(`Error: ${error.message}`);
    } else {
      console.error(error);
    }
    process.exitCode = 1;
  } finally {
    await runtime?.prisma.$disconnect();
  }
}
