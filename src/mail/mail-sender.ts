/**
 * Outgoing mail through nodemailer. SMTP_URL configures a real server. Without it, development
 * writes each message (links included) to the server log, clearly marked; production, where a
 * log must never hold a reset link, warns that the message could not be sent.
 */
import nodemailer, { type Transporter } from 'nodemailer';
import type { MailSender, OutgoingMail } from '../domain/accounts/one-time-links.js';
import type { Logger } from '../logger.js';

export interface MailSenderOptions {
  smtpUrl?: string;
  from: string;
  nodeEnv: 'development' | 'production' | 'test';
  /** The app's logger: development mails, and mails production could not send. */
  logger: Logger;
}

export function transportSender(transport: Transporter, from: string): MailSender {
  return {
    async send(mail: OutgoingMail) {
      await transport.sendMail({ from, ...mail });
    },
  };
}

export function createMailSender({ smtpUrl, from, nodeEnv, logger }: MailSenderOptions): MailSender {
  if (smtpUrl) return transportSender(nodemailer.createTransport(smtpUrl), from);
  if (nodeEnv === 'production') {
    return {
      async send(mail) {
        logger.warn({ to: mail.to, subject: mail.subject }, `Mail not sent (SMTP_URL is not set): "${mail.subject}"`);
      },
    };
  }
  return {
    async send(mail) {
      logger.info(
        [
          'DEVELOPMENT MAIL (SMTP_URL is not set, so it is written here instead of sent)',
          `From: ${from}`,
          `To: ${mail.to}`,
          `Subject: ${mail.subject}`,
          '',
          mail.text.trimEnd(),
        ].join('\n'),
      );
    },
  };
}
