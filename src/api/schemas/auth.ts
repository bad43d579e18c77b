/** Sign-in, token refresh and logout over HTTP: these bodies are the API's own and validated here. */
import { z } from '../zod.js';

export const TokenRequestSchema = z
  .object({
    email: z
      .string({ required_error: 'Email is required.', invalid_type_error: 'Email must be text.' })
      .max(254, 'Email must be at most 254 characters.')
      .openapi({ example: 'ada@staff.example.com' }),
    password: z
      .string({ required_error: 'Password is required.', invalid_type_error: 'Password must be text.' })
      .max(1024, 'Password must be at most 1024 characters.'),
  })
  .strict()
  .openapi('TokenRequest');

const refreshToken = z
  .string({ required_error: 'refreshToken is required.', invalid_type_error: 'refreshToken must be text.' })
  .max(200, 'refreshToken must be at most 200 characters.')
  .openapi({ description: 'The refresh token of the last token answer.' });

export const RefreshRequestSchema = z.object({ refreshToken }).strict().openapi('RefreshRequest');

export const TokenPairSchema = z
  .object({
    tokenType: z.literal('Bearer'),
    accessToken: z.string().openapi({ description: 'A JWT to send as `Authorization: Bearer …`.' }),
    expiresIn: z
      .number()
      .int()
      .positive()
      .openapi({ description: 'Seconds until the access token expires.', example: 900 }),
    refreshToken: z.string().openapi({ description: 'Exchanged at POST /auth/refresh for a new pair; usable once.' }),
    refreshTokenExpiresAt: z
      .string()
      .datetime()
      .openapi({ description: 'Unused until then, the refresh token expires.' }),
  })
  .strict()
  .openapi('TokenPair');

export type TokenPair = z.infer<typeof TokenPairSchema>;
