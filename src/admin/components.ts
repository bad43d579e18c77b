/**
 * The panel's custom React components (AdminJS ComponentLoader). Register every component here:
 * `npm run build` prebuilds the production bundle from exactly this loader (src/admin/build.ts).
 * Give it the .tsx source paths, not compiled ones (the bundler would inline react/jsx-runtime).
 */
import path from 'node:path';
import { ComponentLoader } from 'adminjs';

export const componentLoader = new ComponentLoader();

// Without an extension: the .tsx source where the bundle is built, the compiled .js in dist/.
const component = (name: string, file: string) => componentLoader.add(name, path.join(import.meta.dirname, file));

/** The panel's components by name, for resource options. */
export const Components = {
  ConfirmAction: component('ConfirmAction', 'components/confirm-action'),
};
