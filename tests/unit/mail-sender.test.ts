/**
 * Without SMTP_URL, the mail sender writes through the app's logger: in development the whole
 * message with its link, so a developer can follow it; in production a warning that names the
 * recipient and subject, never the link (a log must not hold a way into an account).
 */
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../src/logger.js';
import { createMailSender } from '../../src/mail/mail-sender.js';

const MAIL = {
  to: 'ada@example.com',
  subject: 'Reset your Customer Back-office password',
  text: 'Open this link to choose a new password:\nhttp://127.0.0.1:3000/admin/reset-password?token=secret-token-123\n',
};

function capturedLogger() {
  const entries: Array<Record<string, unknown>> = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString().split('\n').filter(Boolean))
        entries.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  return { entries, logger: createLogger('info', { destination }) };
}

describe('the mail sender without SMTP_URL', () => {
  it('logs the whole message, link included, in development', async () => {
    const { entries, logger } = capturedLogger();
    await createMailSender({ from: 'Back-office <office@example.com>', nodeEnv: 'development', logger }).send(MAIL);
    expect(entries).toEqual([expect.objectContaining({ level: 30 })]);
    const message = String(entries[0]!.msg);
    expect(message).toMatch(/^DEVELOPMENT MAIL/);
    expect(message).toContain('From: Back-office <office@example.com>');
    expect(message).toContain(`To: ${MAIL.to}`);
    expect(message).toContain(`Subject: ${MAIL.subject}`);
    expect(message).toContain('reset-password?token=secret-token-123');
  });

  it('warns that the mail was not sent in production, naming recipient and subject but never the link', async () => {
    const { entries, logger } = capturedLogger();
    await createMailSender({ from: 'office@example.com', nodeEnv: 'production', logger }).send(MAIL);
    expect(entries).toEqual([
      expect.objectContaining({
        level: 40,
        to: MAIL.to,
        subject: MAIL.subject,
        msg: expect.stringMatching(/not sent/),
      }),
    ]);
    expect(JSON.stringify(entries)).not.toContain('secret-token-123');
  });
});
