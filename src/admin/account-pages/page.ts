/**
 * Server-rendered pages for what AdminJS has no screen for (forgot/reset password, accepting an
 * invitation, own profile), styled like its login page and loading nothing from other hosts.
 */
import { escapeHtml } from '../../http/escape-html.js';
import { PRODUCT_NAME } from '../../domain/product.js';
import { BRAND_ASSETS_PATH, FONT_ASSETS_PATH } from '../paths.js';

export interface Field {
  name: string;
  label: string;
  type?: 'text' | 'email' | 'password';
  value?: string;
  autocomplete?: string;
  hint?: string;
  /** Where the cursor starts: the first field to fill in. */
  autofocus?: boolean;
}

export interface FormSpec {
  action: string;
  submit: string;
  fields: Field[];
  errors?: Readonly<Record<string, string>>;
  hidden?: Record<string, string>;
}

export function form({ action, submit, fields, errors = {}, hidden = {} }: FormSpec): string {
  const formError = Object.entries(errors)
    .filter(([field]) => !fields.some((f) => f.name === field))
    .map(([, message]) => message);
  return `<form method="post" action="${escapeHtml(action)}" novalidate>
    ${formError.map((message) => `<p class="error" role="alert">${escapeHtml(message)}</p>`).join('')}
    ${Object.entries(hidden)
      .map(([name, value]) => `<input type="hidden" name="${escapeHtml(name)}" value="${escapeHtml(value)}">`)
      .join('')}
    ${fields
      .map(
        (field) => `<label for="${field.name}">${escapeHtml(field.label)}</label>
    <input id="${field.name}" name="${field.name}" type="${field.type ?? 'text'}" value="${escapeHtml(field.type === 'password' ? '' : field.value)}"${field.autocomplete ? ` autocomplete="${field.autocomplete}"` : ''}${field.autofocus ? ' autofocus' : ''}${errors[field.name] ? ' aria-invalid="true"' : ''}>
    ${errors[field.name] ? `<p class="field-error" data-field="${field.name}">${escapeHtml(errors[field.name])}</p>` : field.hint ? `<p class="hint">${escapeHtml(field.hint)}</p>` : ''}`,
      )
      .join('\n')}
    <button type="submit">${escapeHtml(submit)}</button>
  </form>`;
}

export function page(title: string, body: string, options: { wide?: boolean } = {}): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} · ${PRODUCT_NAME}</title>
<link rel="icon" href="${BRAND_ASSETS_PATH}/favicon.svg">
<link rel="stylesheet" href="${FONT_ASSETS_PATH}/400.css"><link rel="stylesheet" href="${FONT_ASSETS_PATH}/500.css">
<style>
  body { margin: 0; min-height: 100vh; display: flex; align-items: center; justify-content: center; background: #f6f7fb; font-family: Roboto, sans-serif; color: #1c1c38; }
  main { background: #fff; width: ${options.wide ? '520px' : '400px'}; max-width: calc(100vw - 32px); padding: 40px; box-shadow: 0 4px 24px rgba(28, 28, 56, .08); border-radius: 4px; }
  h1 { font-size: 22px; font-weight: 500; margin: 24px 0 8px; } h2 { font-size: 17px; font-weight: 500; margin: 32px 0 4px; }
  p { line-height: 1.5; margin: 8px 0; } a { color: #1f4fd8; }
  label { display: block; font-size: 12px; margin: 18px 0 6px; color: #454655; }
  input { box-sizing: border-box; width: 100%; padding: 10px 12px; border: 1px solid #c0c0ca; border-radius: 2px; font: inherit; }
  input[aria-invalid="true"] { border-color: #c20012; }
  button { margin-top: 24px; padding: 10px 24px; background: #1f4fd8; color: #fff; border: 0; border-radius: 2px; font: inherit; font-weight: 500; cursor: pointer; }
  .field-error, .error { color: #c20012; font-size: 13px; } .hint { color: #6c6c80; font-size: 12px; }
  .notice { background: #e7f6ee; color: #0b6e3b; padding: 12px 16px; border-radius: 2px; }
  .back { display: inline-block; margin-top: 24px; font-size: 14px; } .below-form { margin-top: 20px; font-size: 14px; }
  @media (max-width: 480px) { main { box-sizing: border-box; padding: 24px 20px; } }
</style>
</head>
<body><main><img src="${BRAND_ASSETS_PATH}/logo.svg" alt="${PRODUCT_NAME}" width="220" height="40">
${body}
</main></body>
</html>`;
}
