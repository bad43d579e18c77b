/**
 * Global setup of the browser tests: AdminJS's components bundle, built once, fresh, before any
 * test file starts its app. AdminJS would otherwise bundle on the first page request of each app
 * (slow, and into a folder every test file shares), and would serve a stale bundle left in
 * .adminjs/ by an earlier run.
 */
import { rmSync } from 'node:fs';
import { bundleComponents } from '../../../src/admin/components-bundle.js';

export default async function buildComponentsBundle(): Promise<void> {
  rmSync('.adminjs', { recursive: true, force: true });
  await bundleComponents('.adminjs');
}
