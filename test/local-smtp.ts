import type { AddressInfo } from 'node:net';
import { type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface LocalSmtp {
  /** smtp://user:pass@127.0.0.1:<port> for SMTP_URL. */
  url: string;
  /** Messages received, parsed with mailparser, with the envelope recipients. */
  mails: (ParsedMail & { envelopeTo: string[] })[];
  /** SMTP reply code to refuse the next recipients with (e.g. 550, 451); null accepts. */
  refuseWith: number | null;
  waitFor(n: number, timeoutMs?: number): Promise<LocalSmtp['mails']>;
  close(): Promise<void>;
}

/** An SMTP server on 127.0.0.1 for tests (plain, AUTH PLAIN/LOGIN accepted for user/pass). */
export async function startLocalSmtp(): Promise<LocalSmtp> {
  const box: Partial<LocalSmtp> = { mails: [], refuseWith: null };
  const mails = box.mails as LocalSmtp['mails'];
  const waiters: { n: number; resolve: () => void }[] = [];
  const server = new SMTPServer({
    disabledCommands: ['STARTTLS'],
    authOptional: true,
    logger: false,
    onAuth(auth, _session, cb) {
      if (auth.username === 'user' && auth.password === 'pass') cb(null, { user: 'user' });
      else cb(new Error('bad credentials'));
    },
    onRcptTo(address, _session, cb) {
      if (box.refuseWith === null || box.refuseWith === undefined) return cb();
      const err = new Error(`mailbox ${address.address} refused`) as Error & { responseCode: number };
      err.responseCode = box.refuseWith;
      cb(err);
    },
    onData(stream, session, cb) {
      simpleParser(stream)
        .then((mail) => {
          mails.push(Object.assign(mail, { envelopeTo: session.envelope.rcptTo.map((r) => r.address) }));
          for (const w of waiters.splice(0)) {
            if (mails.length >= w.n) w.resolve();
            else waiters.push(w);
          }
          cb();
        })
        .catch(cb);
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return Object.assign(box, {
    url: `smtp://user:pass@127.0.0.1:${port}`,
    waitFor(n: number, timeoutMs = 20_000) {
      if (mails.length >= n) return Promise.resolve(mails);
      return new Promise<LocalSmtp['mails']>((resolve, reject) => {
        const t = setTimeout(
          () => reject(new Error(`smtp: ${mails.length} of ${n} mails arrived`)),
          timeoutMs,
        );
        waiters.push({
          n,
          resolve: () => {
            clearTimeout(t);
            resolve(mails);
          },
        });
      });
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }) as LocalSmtp;
}
