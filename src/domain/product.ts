export const PRODUCT_NAME = 'Customer Back-office';
