/**
 * Access tokens: short-lived JWTs (HS256) naming the user, their role and their API sign-in (the
 * refresh-token family, `sid`), which is checked on every request.
 * The signing key is derived from SESSION_SECRET (HKDF with a label of its own), so the API needs
 * no secret of its own and the key is never the one that signs session cookies.
 */
import { hkdfSync } from 'node:crypto';
import { errors, jwtVerify, SignJWT } from 'jose';
import type { Role } from '../../domain/accounts/permissions.js';
import type { Clock } from '../../domain/clock.js';
import { MAX_ID } from '../../domain/record-id.js';

export const ACCESS_TOKEN_LIFETIME_SECONDS = 15 * 60;

const ISSUER = 'customer-backoffice';
const AUDIENCE = 'customer-backoffice/api/v1';
/** RFC 9068's type for access tokens: no other JWT signed with this key can pass for one. */
const TOKEN_TYPE = 'at+jwt';
const KEY_LABEL = 'customer-backoffice api/v1 access-token signing key';

export function deriveAccessTokenKey(sessionSecret: string): Uint8Array {
  return new Uint8Array(hkdfSync('sha256', sessionSecret, '', KEY_LABEL, 32));
}

export type VerifiedAccessToken =
  { ok: true; userId: number; familyId: string } | { ok: false; reason: 'expired' | 'invalid' };

const FAMILY_ID = /^[0-9a-f-]{36}$/;

export function createAccessTokens({ key, clock }: { key: Uint8Array; clock: Clock }) {
  return {
    async issue(user: { id: number; role: Role }, familyId: string): Promise<string> {
      const now = Math.floor(clock().getTime() / 1000);
      return new SignJWT({ role: user.role, sid: familyId })
        .setProtectedHeader({ alg: 'HS256', typ: TOKEN_TYPE })
        .setIssuer(ISSUER)
        .setAudience(AUDIENCE)
        .setSubject(String(user.id))
        .setIssuedAt(now)
        .setExpirationTime(now + ACCESS_TOKEN_LIFETIME_SECONDS)
        .sign(key);
    },

    async verify(token: string): Promise<VerifiedAccessToken> {
      try {
        const { payload } = await jwtVerify(token, key, {
          algorithms: ['HS256'],
          typ: TOKEN_TYPE,
          issuer: ISSUER,
          audience: AUDIENCE,
          requiredClaims: ['sub', 'sid', 'iat', 'exp'],
          currentDate: clock(),
        });
        const userId = Number(payload.sub);
        const familyId = payload.sid;
        if (
          !Number.isInteger(userId) ||
          userId < 1 ||
          userId > MAX_ID ||
          typeof familyId !== 'string' ||
          !FAMILY_ID.test(familyId)
        ) {
          return { ok: false, reason: 'invalid' };
        }
        return { ok: true, userId, familyId };
      } catch (error) {
        if (error instanceof errors.JWTExpired) return { ok: false, reason: 'expired' };
        if (error instanceof errors.JOSEError) return { ok: false, reason: 'invalid' };
        throw error;
      }
    },
  };
}

export type AccessTokens = ReturnType<typeof createAccessTokens>;
