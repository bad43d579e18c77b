/**
 * Outgoing mail through nodemailer. SMTP_URL configures a real server. Without it, development
 * writes each message (links included) to the server log, clearly marked; production, where a
 * log must never hold a reset link, reports that the message could not be sent.
 */
import nodemailer, { type Transporter } from 'nodemailer';
import type { MailSender, OutgoingMail } from '../domain/accounts/one-time-links.js';

export interface MailSenderOptions {
  smtpUrl?: string;
  from: string;
  nodeEnv: 'development' | 'production' | 'test';
  log?: (message: string) => void;
}

export function transportSender(transport: Transporter, from: string): MailSender {
  return {
    async send(mail: OutgoingMail) {
      await transport.sendMail({ from, ...mail });
    },
  };
}

export function createMailSender({ smtpUrl, from, nodeEnv, log = console.log }: MailSenderOptions): MailSender {
  if (smtpUrl) return transportSender(nodemailer.createTransport(smtpUrl), from);
  if (nodeEnv === 'production') {
    return {
      async send(mail) {
        log(`MAIL NOT SENT (SMTP_URL is not set): "${mail.subject}" to ${mail.to}`);
      },
    };
  }
  return {
    async send(mail) {
      const rule = '-'.repeat(72);
      log(
        [
          rule,
          'DEVELOPMENT MAIL (SMTP_URL is not set, so it is written here instead of sent)',
          `From: ${from}`,
          `To: ${mail.to}`,
          `Subject: ${mail.subject}`,
          '',
          mail.text.trimEnd(),
          rule,
        ].join('\n'),
      );
    },
  };
}
