/** Where the panel lives and serves its own assets (no other host is ever asked for one). */
export const ADMIN_ROOT = '/admin';
export const BRAND_ASSETS_PATH = `${ADMIN_ROOT}/brand`;
export const FONT_ASSETS_PATH = `${ADMIN_ROOT}/fonts/roboto`;
