/**
 * Bundles the panel's React components (the one ComponentLoader, components.ts) with AdminJS's
 * rollup bundler. Used by `npm run build` (production) and by the browser tests' global setup, so
 * that no test waits for — or races another over — AdminJS's on-demand bundling.
 */
import path from 'node:path';

/**
 * Writes `bundle.js` into `dir` and returns its path. AdminJS's bundler reads ADMIN_JS_TMP_DIR and
 * NODE_ENV when it is loaded: this sets the first and must run before anything imports AdminJS.
 */
export async function bundleComponents(dir: string): Promise<string> {
  process.env.ADMIN_JS_TMP_DIR = dir;
  const [{ default: AdminJS }, { componentsBundler, generateUserComponentEntry }, { componentLoader }] =
    await Promise.all([import('adminjs'), import('adminjs/bundler'), import('./components.js')]);
  await componentsBundler.createEntry({ content: generateUserComponentEntry(new AdminJS({ componentLoader }), dir) });
  await componentsBundler.build();
  return path.join(dir, 'bundle.js');
}
