export { PRODUCT_NAME } from '../domain/product.js';
export const ADMIN_ROOT = '/admin';
export const BRAND_ASSETS_PATH = `${ADMIN_ROOT}/brand`;
export const FONT_ASSETS_PATH = `${ADMIN_ROOT}/fonts/roboto`;
