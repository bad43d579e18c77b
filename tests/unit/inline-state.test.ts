import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { scriptSafeJson, withScriptSafeState } from '../../src/admin/inline-state.js';

const HOSTILE = {
  name: '</script><meta http-equiv=refresh content=0;url=http://evil.example>&\u2028\u2029',
  q: `it's \\ "q"`,
};

/** The shape of AdminJS's layout template (adminjs/src/frontend/layout-template.tsx). */
const page = (json: string) => `<!DOCTYPE html>
    <html lang=en>
    <head>
      <script>
        window.REDUX_STATE = ${json};
        window.THEME = {"colors":{"primary100":"<b>"}};
        window.AdminJS = { Components: {} };
      </script>
    </head>`;

describe('scriptSafeJson', () => {
  it('escapes <, >, & and U+2028/U+2029, and reads back as the same value', () => {
    const safe = scriptSafeJson(JSON.stringify(HOSTILE));
    expect(safe).not.toMatch(/[<>&\u2028\u2029]/);
    expect(JSON.parse(safe)).toEqual(HOSTILE);
  });
});

describe('withScriptSafeState', () => {
  const html = withScriptSafeState(page(JSON.stringify(HOSTILE)));
  const scriptBodies = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map(([, body]) => body!);

  it('leaves no </script> inside a script: the script ends where the template ends it', () => {
    expect(scriptBodies).toHaveLength(1);
    expect(html).not.toContain('<meta http-equiv');
  });

  it('keeps the state: the page state and the theme read back unchanged', () => {
    const window: Record<string, unknown> = {};
    // Each script run as the browser would, in a context of its own with just `window`.
    for (const body of scriptBodies) runInNewContext(body, { window, console });
    expect(window.REDUX_STATE).toEqual(HOSTILE);
    expect(window.THEME).toEqual({ colors: { primary100: '<b>' } });
  });
});
