export const PRODUCT_NAME = 'Customer Back-office';
export const ADMIN_ROOT = '/admin';
export const BRAND_ASSETS_PATH = `${ADMIN_ROOT}/brand`;
export const FONT_ASSETS_PATH = `${ADMIN_ROOT}/fonts/roboto`;
