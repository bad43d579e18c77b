/**
 * argon2 runs from a binary that works on this machine. Its prebuilt linux-x64 binary crashes as
 * soon as it is loaded here; argon2's install script then compiles one into build/Release, which is
 * loaded first (docs/decisions/016-argon2-compiled-at-install.md). Each binary is loaded in a child
 * process, so a crash fails a test instead of ending the test run.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ARGON2_DIR = path.dirname(createRequire(import.meta.url).resolve('argon2/package.json'));
const COMPILED = path.join(ARGON2_DIR, 'build/Release/argon2.node');

/** Runs CommonJS `code` in a fresh node process in the project root. */
function runNode(code: string) {
  return spawnSync(process.execPath, ['-e', code], { encoding: 'utf8', timeout: 30_000 });
}

/** The prebuilt binary argon2 would take on this platform (glibc), if it ships one. */
function prebuiltBinary(): string | null {
  const dir = path.join(ARGON2_DIR, 'prebuilds', `${process.platform}-${process.arch}`);
  if (!existsSync(dir)) return null;
  const file = readdirSync(dir).find((name) => name.endsWith('.glibc.node')) ?? readdirSync(dir)[0];
  return file ? path.join(dir, file) : null;
}

describe('the argon2 binary', () => {
  it('hashes and verifies a password, and says which native binary it loaded', () => {
    const child = runNode(`
      const argon2 = require('argon2');
      (async () => {
        const hash = await argon2.hash('correct horse battery staple', { type: argon2.argon2id });
        const verified = await argon2.verify(hash, 'correct horse battery staple');
        const refused = await argon2.verify(hash, 'wrong horse battery staple');
        const loaded = Object.keys(require.cache).filter((file) => file.endsWith('.node'));
        console.log(JSON.stringify({ hash, verified, refused, loaded }));
      })();
    `);
    expect(child.signal, child.stderr).toBeNull();
    expect(child.status, child.stderr).toBe(0);
    const result = JSON.parse(child.stdout) as { hash: string; verified: boolean; refused: boolean; loaded: string[] };
    expect(result.hash).toMatch(/^\$argon2id\$v=19\$m=65536,p=4,t=3\$/);
    expect(result).toMatchObject({ verified: true, refused: false });
    expect(result.loaded.filter((file) => file.startsWith(ARGON2_DIR))).toHaveLength(1);
  }, 30_000);

  it('is the one compiled at install wherever the prebuilt binary cannot be loaded', () => {
    const prebuilt = prebuiltBinary();
    const prebuiltLoads = prebuilt !== null && runNode(`require(${JSON.stringify(prebuilt)})`).status === 0;
    const loaded = runNode(`
      require('argon2');
      console.log(Object.keys(require.cache).find((file) => file.endsWith('argon2.node') || file.includes('prebuilds')));
    `).stdout.trim();
    if (prebuiltLoads) {
      expect([COMPILED, prebuilt]).toContain(loaded);
    } else {
      expect(existsSync(COMPILED), 'npm ci should have compiled argon2 into build/Release').toBe(true);
      expect(loaded).toBe(COMPILED);
    }
  }, 30_000);
});
