import { describe, expect, it } from 'vitest';
import {
  hashPassword,
  PASSWORD_MAX_LENGTH,
  PASSWORD_MIN_LENGTH,
  passwordProblem,
  spendVerificationTime,
  verifyPassword,
} from '../../src/domain/accounts/passwords.js';

// argon2id with 64 MiB memory: a hash takes a noticeable fraction of a second.
const SLOW = 30_000;

describe('passwordProblem', () => {
  it('requires at least 12 characters', () => {
    expect(PASSWORD_MIN_LENGTH).toBe(12);
    expect(passwordProblem('abcdefghijk')).toMatch(/at least 12/); // 11
    expect(passwordProblem('abcdefghijkl')).toBeNull(); // 12
  });

  it('allows at most 256 characters', () => {
    expect(PASSWORD_MAX_LENGTH).toBe(256);
    const varied = 'abcdefgh';
    expect(passwordProblem(varied.repeat(32))).toBeNull(); // 256
    expect(passwordProblem(`${varied.repeat(32)}x`)).toMatch(/at most 256/); // 257
  });

  it('accepts a passphrase', () => {
    expect(passwordProblem('correct horse battery staple')).toBeNull();
  });

  it('accepts unicode passwords', () => {
    expect(passwordProblem('Zoë-Łukasz-山田-José')).toBeNull();
  });

  it('refuses the email address as password, ignoring case and surrounding spaces', () => {
    const email = 'ada.lovelace@example.com';
    expect(passwordProblem('ada.lovelace@example.com', email)).toMatch(/email/);
    expect(passwordProblem('Ada.Lovelace@Example.COM', email)).toMatch(/email/);
    expect(passwordProblem('  ada.lovelace@example.com  ', email)).toMatch(/email/);
    expect(passwordProblem('ada.lovelace@example.com', ' ADA.LOVELACE@EXAMPLE.COM ')).toMatch(/email/);
  });

  it('does not refuse a password merely because an email is given', () => {
    expect(passwordProblem('correct horse battery staple', 'ada@example.com')).toBeNull();
  });

  it.each(['aaaaaaaaaaaa', '111111111111', 'abababababab', 'abcabcabcabc'])(
    'refuses %j as too easy to guess (fewer than 4 different characters)',
    (password) => {
      expect(passwordProblem(password)).toMatch(/too easy to guess/);
    },
  );

  it('accepts 4 different characters', () => {
    expect(passwordProblem('abcdabcdabcd')).toBeNull();
  });

  it('reports the length problem before the others', () => {
    expect(passwordProblem('aaa')).toMatch(/at least 12/);
  });
});

describe('hashPassword / verifyPassword', () => {
  it(
    'produces an argon2id hash that verifies the password and nothing else',
    async () => {
      const password = 'correct horse battery staple';
      const hash = await hashPassword(password);
      expect(hash.startsWith('$argon2id$')).toBe(true);
      expect(hash).toMatch(/^\$argon2id\$v=19\$[mtp=\d,]+\$[A-Za-z0-9+/]+\$[A-Za-z0-9+/]+$/);
      expect(hash).not.toContain(password);
      expect(await verifyPassword(hash, password)).toBe(true);
      expect(await verifyPassword(hash, 'correct horse battery stapl')).toBe(false);
      expect(await verifyPassword(hash, 'Correct horse battery staple')).toBe(false);
      expect(await verifyPassword(hash, `${password} `)).toBe(false);
      expect(await verifyPassword(hash, '')).toBe(false);
    },
    SLOW,
  );

  it(
    'salts: the same password hashes differently each time, and both hashes verify',
    async () => {
      const password = 'the same password twice';
      const [first, second] = await Promise.all([hashPassword(password), hashPassword(password)]);
      expect(first).not.toBe(second);
      expect(await verifyPassword(first, password)).toBe(true);
      expect(await verifyPassword(second, password)).toBe(true);
    },
    SLOW,
  );

  it(
    'handles unicode passwords',
    async () => {
      const hash = await hashPassword('Zoë-Łukasz-山田-José');
      expect(await verifyPassword(hash, 'Zoë-Łukasz-山田-José')).toBe(true);
      expect(await verifyPassword(hash, 'Zoe-Łukasz-山田-José')).toBe(false);
    },
    SLOW,
  );

  it.each(['', 'not a hash', '$argon2id$v=19$m=65536,t=3,p=4$broken', 'plaintext password'])(
    'returns false (does not throw) for the malformed stored hash %j',
    async (storedHash) => {
      await expect(verifyPassword(storedHash, 'plaintext password')).resolves.toBe(false);
    },
  );

  it(
    'spendVerificationTime resolves without revealing anything',
    async () => {
      await expect(spendVerificationTime('anything at all')).resolves.toBeUndefined();
      await expect(spendVerificationTime('decoy password that matches nothing')).resolves.toBeUndefined();
    },
    SLOW,
  );
});

describe('common passwords shipped with the project', () => {
  it.each(['1qaz2wsx3edc', 'QWERTY123456', 'qazwsxedcrfv'])('refuses %j, in any case', (password) => {
    expect(passwordProblem(password)).toMatch(/most common passwords/);
  });

  it('accepts a long uncommon passphrase', () => {
    expect(passwordProblem('correct horse battery staple')).toBeNull();
  });
});
