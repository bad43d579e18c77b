/**
 * The panel's custom React components (AdminJS ComponentLoader). Register every component here:
 * `npm run build` prebuilds the production bundle from exactly this loader (src/admin/build.ts).
 * Give it the .tsx source paths, not compiled ones (the bundler would inline react/jsx-runtime).
 */
import { ComponentLoader } from 'adminjs';

export const componentLoader = new ComponentLoader();
