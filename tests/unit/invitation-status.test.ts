import { describe, expect, it } from 'vitest';
import { invitationStatus } from '../../src/domain/accounts/invitation-status.js';
import { invitationWanted } from '../../src/domain/accounts/one-time-links.js';

const now = new Date('2026-11-23T12:00:00.000Z');
const later = new Date('2026-11-24T12:00:00.000Z');
const earlier = new Date('2026-11-22T12:00:00.000Z');
const usable = { expiresAt: later, usedAt: null };
const expired = { expiresAt: earlier, usedAt: null };
const spent = { expiresAt: later, usedAt: earlier };

describe('invitationStatus', () => {
  it.each([
    ['a password, whatever its links', true, [usable, expired], 'accepted'],
    ['a password, never invited', true, [], 'accepted'],
    ['no password, a link that still works', false, [expired, usable], 'invited'],
    ['no password, every link past its time', false, [expired], 'expired'],
    ['no password, its link spent (deactivated)', false, [spent], 'expired'],
    ['no password, a link expiring this very moment', false, [{ expiresAt: now, usedAt: null }], 'expired'],
    ['no password, never invited', false, [], 'not_invited'],
  ] as const)('%s → %s', (_case, hasPassword, links, expected) => {
    expect(invitationStatus(hasPassword, links, now)).toBe(expected);
  });
});

describe('invitationWanted', () => {
  it.each([
    [{}, true],
    [{ password: '' }, true],
    [{ password: '   ', sendInvitation: 'true' }, true],
    [{ sendInvitation: true, isActive: true }, true],
    [{ sendInvitation: 'false' }, false],
    [{ sendInvitation: false }, false],
    [{ password: 'a long enough password' }, false],
    [{ password: 'a long enough password', sendInvitation: 'true' }, false],
    [{ isActive: 'false' }, false],
  ])('%j → %s', (form, expected) => {
    expect(invitationWanted(form)).toBe(expected);
  });
});
