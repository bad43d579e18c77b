/**
 * The way back to the Customers list as the clerk left it. AdminJS opens a record without the
 * list's query, so the list remembers its last query in the tab's sessionStorage, and a saved edit
 * sends the browser to the list with LIST_RETURN_KEY (customer-options.ts), which the list swaps for
 * the remembered query.
 */
export const LIST_RETURN_KEY = 'back';
const STORAGE_KEY = 'customer-list-search';

export function rememberListSearch(search: string): void {
  try {
    window.sessionStorage.setItem(STORAGE_KEY, search);
  } catch {
    // Storage refused (private mode, quota): the way back is the plain list.
  }
}

export function rememberedListSearch(): string {
  try {
    return window.sessionStorage.getItem(STORAGE_KEY) ?? '';
  } catch {
    return '';
  }
}
