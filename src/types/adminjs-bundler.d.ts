// adminjs ships no type declarations for its "adminjs/bundler" export; these are the parts used.
declare module 'adminjs/bundler' {
  import type AdminJS from 'adminjs';

  export const componentsBundler: {
    /** Writes the entry file (into ADMIN_JS_TMP_DIR) that the bundle is built from. */
    createEntry(options: { content: string }): Promise<void>;
    /** Bundles the entry into ADMIN_JS_TMP_DIR/bundle.js (minified when NODE_ENV=production at import). */
    build(): Promise<void>;
  };
  export function generateUserComponentEntry(admin: AdminJS, entryDir: string): string;
}
