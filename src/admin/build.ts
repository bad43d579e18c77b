/**
 * `npm run build`, after tsc: what the compiled app needs besides JavaScript — the brand assets
 * it serves, and AdminJS's components bundle, prebuilt for production (see prebuilt-bundle.ts).
 * Runs from the TypeScript sources (tsx), so components are bundled from their .tsx files.
 */
import { cpSync } from 'node:fs';
import path from 'node:path';
import { bundleComponents } from './components-bundle.js';
import { PREBUILT_BUNDLE_DIR } from './prebuilt-bundle.js';

const COMPILED_ADMIN_DIR = path.resolve(import.meta.dirname, '../../dist/admin');
cpSync(path.join(import.meta.dirname, 'assets'), path.join(COMPILED_ADMIN_DIR, 'assets'), { recursive: true });

// Minified production output (AdminJS's bundler reads NODE_ENV when it is loaded).
process.env.NODE_ENV = 'production';
const bundle = await bundleComponents(PREBUILT_BUNDLE_DIR);
console.log(`Prebuilt the AdminJS components bundle: ${path.relative(process.cwd(), bundle)}`);
