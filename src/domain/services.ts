import type { PrismaClient } from '@prisma/client';
import { createAuthenticator } from './accounts/authentication.js';
import { createLoginThrottle, createResetRequestThrottle } from './accounts/login-throttle.js';
import { createOneTimeLinks, type MailSender } from './accounts/one-time-links.js';
import { createRefreshTokens } from './accounts/refresh-tokens.js';
import { createStaffNames } from './accounts/staff-names.js';
import { createUserService } from './accounts/users.js';
import { createRecordHistory } from './audit/record-history.js';
import { createCustomerExport } from './customers/export.js';
import { createCustomerService } from './customers/service.js';
import type { PhoneRegion } from './customers/phone.js';
import { createImportService } from './imports/service.js';
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
  /** Rows per transaction of a customer import's apply. */
  importBatchSize?: number;
  /** A customer import's apply failed in the background (nobody awaits it). */
  onImportError?: (error: unknown, importId: number) => void;
}

/** Every domain service, wired to one database and one clock. */
export function createServices({
  prisma,
  defaultPhoneRegion,
  mail,
  publicUrl,
  clock = systemClock,
  importBatchSize,
  onImportError,
}: DomainOptions) {
  const users = createUserService({ prisma, clock });
  const customers = createCustomerService({ prisma, clock, defaultPhoneRegion });
  return {
    prisma,
    clock,
    customers,
    imports: createImportService({
      prisma,
      clock,
      customers,
      defaultPhoneRegion,
      batchSize: importBatchSize,
      onApplyError: onImportError,
    }),
    customerExport: createCustomerExport({ prisma, clock }),
    users,
    staffNames: createStaffNames(prisma),
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
