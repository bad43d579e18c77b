/** Where the REST API is mounted. */
export const API_ROOT = '/api/v1';
