/**
 * The sign-in page, server-rendered like the other account pages instead of AdminJS's React login:
 * it needs no script, keeps the email typed before a refused attempt (escaped, never the password),
 * and shows "Forgot your password?" under the form, where people look for it.
 */
import { escapeHtml } from '../../http/escape-html.js';
import { PRODUCT_NAME } from '../../domain/product.js';
import { ADMIN_ROOT } from '../paths.js';
import { form, page } from './page.js';

export const LOGIN_PATH = `${ADMIN_ROOT}/login`;
export const FORGOT_PASSWORD_PATH = `${ADMIN_ROOT}/forgot-password`;

/** Longest email the sign-in form takes back into the page (RFC 5321's limit). */
const MAX_EMAIL_LENGTH = 254;

/** The sign-in form, the email prefilled (then the password field takes the focus). */
export function signInForm({ email = '', error }: { email?: string; error?: string } = {}): string {
  const typed = email.length <= MAX_EMAIL_LENGTH ? email : '';
  return `${form({
    action: LOGIN_PATH,
    submit: 'Sign in',
    fields: [
      { name: 'email', label: 'Email', type: 'email', value: typed, autocomplete: 'username', autofocus: !typed },
      { name: 'password', label: 'Password', type: 'password', autocomplete: 'current-password', autofocus: !!typed },
    ],
    errors: error ? { form: error } : {},
  })}
  <p class="below-form"><a href="${FORGOT_PASSWORD_PATH}">Forgot your password?</a></p>`;
}

export function signInPage(options: { email?: string; error?: string } = {}): string {
  return page(
    'Sign in',
    `<h1>Sign in</h1><p>${escapeHtml(`Sign in with your staff account to manage customer records in ${PRODUCT_NAME}.`)}</p>
    ${signInForm(options)}`,
  );
}
