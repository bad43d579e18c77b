import { randomBytes } from 'node:crypto';
import { dictionary } from '@zxcvbn-ts/language-common';
import argon2 from 'argon2';
import pLimit from 'p-limit';
import { normalizeEmail } from '../email.js';
import { isAcceptableText } from '../text.js';

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 256;

/**
 * Each hash holds 64 MiB while it runs and keeps four threads busy: more than two at once would not
 * finish sooner on a small server, only hold more memory (eight sign-ins at once: +512 MiB). The
 * others wait their turn.
 */
const MAX_CONCURRENT_HASHES = 2;
const hashingSlot = pLimit(MAX_CONCURRENT_HASHES);

/** argon2id with the library's defaults (RFC 9106 second recommendation: 64 MiB, t=3, p=4). */
export function hashPassword(password: string): Promise<string> {
  return hashingSlot(() => argon2.hash(password, { type: argon2.argon2id }));
}

export async function verifyPassword(hash: string, password: string): Promise<boolean> {
  try {
    return await hashingSlot(() => argon2.verify(hash, password));
  } catch {
    return false;
  }
}

const UNUSABLE_PREFIX = '!unusable!';

/** A hash no password matches (an account invited but not yet set up). Not an argon2 string. */
export function unusablePasswordHash(): string {
  return `${UNUSABLE_PREFIX}${randomBytes(16).toString('hex')}`;
}

/** False for an account that has no password yet (created to be invited). */
export function hasPassword(passwordHash: string): boolean {
  return !passwordHash.startsWith(UNUSABLE_PREFIX);
}

// Verified against when no account matches, so that an unknown email costs as much time as a
// wrong password and response times do not reveal which emails have accounts.
let decoyHash: Promise<string> | undefined;
export async function spendVerificationTime(password: string): Promise<void> {
  decoyHash ??= hashPassword('decoy password that matches nothing');
  await verifyPassword(await decoyHash, password);
}

// The ~49,000 most common passwords of leaked password lists, as shipped by zxcvbn-ts.
let commonPasswords: Set<string> | undefined;
function isCommonPassword(password: string): boolean {
  commonPasswords ??= new Set(dictionary['passwords-common'].map((entry) => entry.toLowerCase()));
  return commonPasswords.has(password.toLowerCase());
}

/** Why a new password is not acceptable, or null. */
export function passwordProblem(password: string, email?: string): string | null {
  if (password.length < PASSWORD_MIN_LENGTH) return `Use at least ${PASSWORD_MIN_LENGTH} characters.`;
  if (password.length > PASSWORD_MAX_LENGTH) return `Use at most ${PASSWORD_MAX_LENGTH} characters.`;
  // Refused, not normalised: existing hashes were made from passwords as they were typed.
  if (!isAcceptableText(password)) return 'The password contains an invisible or broken character; choose another.';
  if (email && normalizeEmail(password) === normalizeEmail(email)) return 'The password must not be the email address.';
  if (new Set(password).size < 4) return 'This password is too easy to guess; use more varied characters.';
  if (isCommonPassword(password)) return 'This is one of the most common passwords; choose another.';
  return null;
}
