import nodemailer from 'nodemailer';
import type { MailSender } from '../../src/domain/accounts/one-time-links.js';
import { transportSender } from '../../src/mail/mail-sender.js';

export interface CapturedMail {
  to: string;
  subject: string;
  text: string;
}

/** Messages composed by nodemailer for real, kept in memory instead of going over the network. */
export function createMailbox(): { sender: MailSender; messages: CapturedMail[]; linkIn(mail: CapturedMail): string } {
  const messages: CapturedMail[] = [];
  const transport = nodemailer.createTransport({ jsonTransport: true });
  const sender = transportSender(transport, 'Customer Back-office <no-reply@test>');
  return {
    messages,
    sender: {
      async send(mail) {
        await sender.send(mail);
        messages.push({ to: mail.to, subject: mail.subject, text: mail.text });
      },
    },
    linkIn(mail) {
      const match = /https?:\/\/\S+/.exec(mail.text);
      if (!match) throw new Error(`no link in mail "${mail.subject}"`);
      return match[0];
    },
  };
}
