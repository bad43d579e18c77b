/**
 * AdminJS writes the page's state into inline scripts with a bare JSON.stringify (its layout
 * template; the sign-in page is our own): a `</script>` in any value — a staff member's name, a
 * record title — ends the script there and the rest of the value becomes HTML (a `<meta http-equiv=refresh>` sends the browser
 * anywhere). Every such JSON text is re-escaped here before the page leaves: `<`, `>`, `&` and the
 * JavaScript line terminators U+2028/U+2029 become \u escapes, which read back as the same value.
 */
import type { RequestHandler } from 'express';

/** `window.REDUX_STATE = {…};` and `window.THEME = {…};`, each on a line of its own (JSON has no raw line feed). */
const STATE_ASSIGNMENT = /(\n[ \t]*window\.(?:REDUX_STATE|THEME) = )([^\n]*);(?=[ \t]*\r?\n)/g;

const UNSAFE_IN_SCRIPT = /[<>&\u2028\u2029]/g;
const unicodeEscape = (char: string) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`;

/** JSON text safe inside <script>: `{"name":"</script>"}` → `{"name":"\u003c/script\u003e"}`. */
export function scriptSafeJson(json: string): string {
  return json.replace(UNSAFE_IN_SCRIPT, unicodeEscape);
}

export function withScriptSafeState(html: string): string {
  return html.replace(STATE_ASSIGNMENT, (_all, start: string, json: string) => `${start}${scriptSafeJson(json)};`);
}

/** Rewrites the HTML pages AdminJS sends with script-safe state. */
export const scriptSafeInlineState: RequestHandler = (_req, res, next) => {
  const send = res.send.bind(res);
  res.send = (body?: unknown) =>
    send(typeof body === 'string' && body.includes('window.REDUX_STATE') ? withScriptSafeState(body) : body);
  next();
};
