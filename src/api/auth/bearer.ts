/**
 * Who sends an API request: the user named by a valid access token, re-read from the database
 * with the token's sign-in on every request. Logging out, deactivating the user or changing their
 * password therefore ends their API access at their next request, and a role change applies at
 * once — however young the token.
 */
import type { Request } from 'express';
import type { RefreshTokens } from '../../domain/accounts/refresh-tokens.js';
import type { Caller } from '../operation.js';
import { HttpProblem } from '../problem.js';
import type { AccessTokens } from './access-tokens.js';

const REALM = 'Bearer realm="api/v1"';
const BEARER = /^Bearer +([A-Za-z0-9\-._~+/]+=*)$/i;

function unauthenticated(detail: string, error?: 'invalid_token'): HttpProblem {
  // RFC 6750: a request without credentials gets no error code, a bad token gets invalid_token.
  const challenge = error ? `${REALM}, error="${error}", error_description="${detail.replace(/"/g, "'")}"` : REALM;
  return new HttpProblem(401, detail, { headers: { 'WWW-Authenticate': challenge } });
}

export function bearerAuthentication(
  accessTokens: AccessTokens,
  signIns: RefreshTokens,
): (req: Request) => Promise<Caller> {
  return async (req) => {
    const header = req.get('authorization');
    if (!header)
      throw unauthenticated(
        'This request needs an access token: send Authorization: Bearer <token>, from POST /api/v1/auth/token.',
      );
    const token = BEARER.exec(header.trim())?.[1];
    if (!token) throw unauthenticated('The Authorization header must read: Bearer <access token>.', 'invalid_token');
    const verified = await accessTokens.verify(token);
    if (!verified.ok) {
      throw unauthenticated(
        verified.reason === 'expired'
          ? 'The access token has expired: get a new one from POST /api/v1/auth/refresh.'
          : 'The access token is invalid.',
        'invalid_token',
      );
    }
    const user = await signIns.signedInUser(verified.familyId, verified.userId);
    if (!user)
      throw unauthenticated(
        'This sign-in has ended (logout, or the account was deactivated or its password changed): sign in again.',
        'invalid_token',
      );
    return { user, actor: { id: user.id, role: user.role } };
  };
}
