/**
 * `npm run build`, after tsc: what the compiled app needs besides JavaScript — the brand assets
 * it serves, and AdminJS's components bundle, prebuilt for production (see prebuilt-bundle.ts).
 * Runs from the TypeScript sources (tsx), so components are bundled from their .tsx files.
 */
import { cpSync } from 'node:fs';
import path from 'node:path';
import { PREBUILT_BUNDLE_DIR } from './prebuilt-bundle.js';

const COMPILED_ADMIN_DIR = path.resolve(import.meta.dirname, '../../dist/admin');
cpSync(path.join(import.meta.dirname, 'assets'), path.join(COMPILED_ADMIN_DIR, 'assets'), { recursive: true });

// AdminJS's bundler reads both when it is loaded: minified production output, written to dist/.
process.env.NODE_ENV = 'production';
process.env.ADMIN_JS_TMP_DIR = PREBUILT_BUNDLE_DIR;
const [{ default: AdminJS }, { componentsBundler, generateUserComponentEntry }, { componentLoader }] =
  await Promise.all([import('adminjs'), import('adminjs/bundler'), import('./components.js')]);
await componentsBundler.createEntry({
  content: generateUserComponentEntry(new AdminJS({ componentLoader }), PREBUILT_BUNDLE_DIR),
});
await componentsBundler.build();
console.log(
  `Prebuilt the AdminJS components bundle: ${path.relative(process.cwd(), path.join(PREBUILT_BUNDLE_DIR, 'bundle.js'))}`,
);
