import type { PrismaClient } from '@prisma/client';
import { createAuthenticator } from './accounts/authentication.js';
import { createLoginThrottle, createResetRequestThrottle } from './accounts/login-throttle.js';
import { createOneTimeLinks, type MailSender } from './accounts/one-time-links.js';
import { createRefreshTokens } from './accounts/refresh-tokens.js';
import { createUserService } from './accounts/users.js';
import { createRecordHistory } from './audit/record-history.js';
import { createCustomerExport } from './customers/export.js';
import { createCustomerService } from './customers/service.js';
import type { PhoneRegion } from './customers/phone.js';
import { systemClock, type Clock } from './clock.js';
import { createHomeService } from './dashboard/home.js';
import { PRODUCT_NAME } from './product.js';

export interface DomainOptions {
  prisma: PrismaClient;
  defaultPhoneRegion: PhoneRegion;
  mail: MailSender;
  /** Where links in mails point, e.g. https://backoffice.example.com */
  publicUrl: string;
  clock?: Clock;
}

/** Every domain service, wired to one database and one clock. */
export function createServices({ prisma, defaultPhoneRegion, mail, publicUrl, clock = systemClock }: DomainOptions) {
  const users = createUserService({ prisma, clock });
  return {
    prisma,
    clock,
    customers: createCustomerService({ prisma, clock, defaultPhoneRegion }),
    customerExport: createCustomerExport({ prisma, clock }),
    users,
    authenticator: createAuthenticator({ prisma, clock, throttle: createLoginThrottle(prisma) }),
    refreshTokens: createRefreshTokens({ prisma, clock }),
    links: createOneTimeLinks({
      prisma,
      clock,
      users,
      mail,
      publicUrl: publicUrl.replace(/\/$/, ''),
      productName: PRODUCT_NAME,
      resetRequests: createResetRequestThrottle(prisma),
    }),
    history: createRecordHistory(prisma),
    home: createHomeService({ prisma, clock }),
  };
}

export type Services = ReturnType<typeof createServices>;
