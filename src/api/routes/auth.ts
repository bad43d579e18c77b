/** Sign-in for the API: tokens for a password, refresh, logout, and who the caller is. */
import type { User } from '@prisma/client';
import type { IssuedRefreshToken, RefreshRefusal } from '../../domain/accounts/refresh-tokens.js';
import type { Services } from '../../domain/services.js';
import type { Logger } from '../../logger.js';
import { ACCESS_TOKEN_LIFETIME_SECONDS, type AccessTokens } from '../auth/access-tokens.js';
import { operation, publicAccess, signedIn, type Operation } from '../operation.js';
import { HttpProblem } from '../problem.js';
import { RefreshRequestSchema, TokenPairSchema, TokenRequestSchema, type TokenPair } from '../schemas/auth.js';
import { UserSchema, userBody } from '../schemas/users.js';

const TAG = 'Authentication';

const REFUSED_REFRESH: Record<RefreshRefusal, string> = {
  unknown: 'This refresh token is not valid.',
  expired: 'This refresh token has expired: sign in again.',
  revoked: 'This refresh token has been revoked: sign in again.',
  reused: 'This refresh token has already been used. Every token of this sign-in is now revoked: sign in again.',
  signed_out: 'The account is inactive or its password has changed since this sign-in: sign in again.',
};

export function authOperations({
  services,
  accessTokens,
  logger,
}: {
  services: Services;
  accessTokens: AccessTokens;
  logger: Logger;
}): Operation[] {
  async function tokenPair(user: User, refresh: IssuedRefreshToken): Promise<TokenPair> {
    return {
      tokenType: 'Bearer',
      accessToken: await accessTokens.issue(user, refresh.familyId),
      expiresIn: ACCESS_TOKEN_LIFETIME_SECONDS,
      refreshToken: refresh.token,
      refreshTokenExpiresAt: refresh.expiresAt.toISOString(),
    };
  }

  return [
    operation({
      operationId: 'createToken',
      method: 'post',
      path: '/auth/token',
      tag: TAG,
      summary: 'Sign in: an access token and a refresh token for an email and password',
      description:
        `The access token is valid for ${ACCESS_TOKEN_LIFETIME_SECONDS / 60} minutes. Sign-ins are throttled as in the panel: ` +
        'after 5 failures for one account or 20 from one address within 15 minutes, every attempt is refused (429) until the window has passed.',
      access: publicAccess,
      body: { schema: TokenRequestSchema, validatedBy: 'api' },
      responses: {
        200: { description: 'Signed in.', schema: TokenPairSchema },
        401: {
          description: 'Wrong email or password, or the account is inactive (one answer for all three).',
          problem: true,
        },
        429: {
          description: 'Too many sign-in attempts.',
          problem: true,
          headers: {
            'Retry-After': { description: 'Seconds until attempts are accepted again.', schema: { type: 'integer' } },
          },
        },
      },
      async handle({ body }) {
        const result = await services.authenticator.authenticate(body.email, body.password);
        if (!result.ok) {
          if (result.retryAfterMinutes === undefined) throw new HttpProblem(401, result.message);
          throw new HttpProblem(429, result.message, {
            headers: { 'Retry-After': String(result.retryAfterMinutes * 60) },
          });
        }
        return { status: 200, body: await tokenPair(result.user, await services.refreshTokens.issue(result.user)) };
      },
    }),

    operation({
      operationId: 'refreshToken',
      method: 'post',
      path: '/auth/refresh',
      tag: TAG,
      summary: 'A new access token and refresh token for a refresh token',
      description:
        'Each refresh token works once: the answer carries its replacement. Presenting a refresh token that was already ' +
        'exchanged revokes every token of that sign-in (someone else may hold a copy). Refused at once when the account has ' +
        'been deactivated or its password changed.',
      access: publicAccess,
      body: { schema: RefreshRequestSchema, validatedBy: 'api' },
      responses: {
        200: { description: 'A new token pair.', schema: TokenPairSchema },
        401: { description: 'The refresh token is unknown, expired, revoked or already used.', problem: true },
      },
      async handle({ body }) {
        const result = await services.refreshTokens.rotate(body.refreshToken);
        if (!result.ok) {
          if (result.reason === 'reused')
            logger.warn('A used API refresh token was presented again: its sign-in has been revoked');
          throw new HttpProblem(401, REFUSED_REFRESH[result.reason]);
        }
        return { status: 200, body: await tokenPair(result.user, result) };
      },
    }),

    operation({
      operationId: 'logout',
      method: 'post',
      path: '/auth/logout',
      tag: TAG,
      summary: 'Sign out: end the sign-in of a refresh token',
      description:
        'The refresh token and every access token of its sign-in stop working. Answers 204 whether or not the sign-in was still live.',
      access: publicAccess,
      body: { schema: RefreshRequestSchema, validatedBy: 'api' },
      responses: { 204: { description: 'Signed out.' } },
      async handle({ body }) {
        const userId = await services.refreshTokens.revoke(body.refreshToken);
        if (userId !== null) await services.authenticator.recordLogout(userId);
        return { status: 204 };
      },
    }),

    operation({
      operationId: 'getMe',
      method: 'get',
      path: '/me',
      tag: TAG,
      summary: 'The signed-in staff account',
      access: signedIn,
      responses: { 200: { description: 'The account the access token belongs to.', schema: UserSchema } },
      async handle({ caller }) {
        return { status: 200, body: userBody(caller.user) };
      },
    }),
  ];
}
