/**
 * Production serves AdminJS's components bundle prebuilt by `npm run build` instead of bundling
 * at start-up (which @adminjs/express does without waiting: the panel's script 404s until done).
 * It lives in dist/, beside the compiled app, not in .adminjs/ — a development start clears that.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { ConfigError } from '../config/config.js';

/** Same folder whether this module runs from src/admin/ (the build) or dist/admin/ (the app). */
export const PREBUILT_BUNDLE_DIR = path.resolve(import.meta.dirname, '../../dist/adminjs');

/**
 * Points AdminJS at the prebuilt bundle and turns its start-up bundling off. Call it before
 * anything imports AdminJS: it reads ADMIN_JS_TMP_DIR when it is loaded.
 */
export function usePrebuiltComponentsBundle(): void {
  const bundle = path.join(PREBUILT_BUNDLE_DIR, 'bundle.js');
  if (!existsSync(bundle)) {
    throw new ConfigError(
      'NODE_ENV',
      `is production, but the prebuilt admin bundle ${bundle} is missing: run npm run build first`,
    );
  }
  process.env.ADMIN_JS_TMP_DIR = PREBUILT_BUNDLE_DIR;
  process.env.ADMIN_JS_SKIP_BUNDLE = 'true';
}
