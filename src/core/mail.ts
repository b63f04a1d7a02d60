/**
 * E-mail through the council's SMTP server (LANTERN_SMTP_URL, e.g. smtp://user:pass@host:587),
 * with nodemailer. Without it Lantern sends nothing: the command line prints invitation links
 * and the users page shows them to the administrator to pass on.
 */
import nodemailer from 'nodemailer';

export interface Mail {
  to: string;
  subject: string;
  text: string;
}

export interface Mailer {
  send(mail: Mail): Promise<void>;
}

export function createMailer(smtpUrl: string | undefined, from: string): Mailer | undefined {
  if (!smtpUrl) return undefined;
  const transport = nodemailer.createTransport(smtpUrl);
  return {
    async send(mail) {
      await transport.sendMail({ from, to: mail.to, subject: mail.subject, text: mail.text });
    },
  };
}
