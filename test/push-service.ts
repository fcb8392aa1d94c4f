import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import ece from 'http_ece';

/** One request the local push service received. */
export interface ReceivedPush {
  path: string;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

export interface LocalPushService {
  /** https://127.0.0.1:<port> — the audience (VAPID `aud`) of its endpoints. */
  origin: string;
  /** An agent that trusts the service's self-signed certificate (and nothing else). */
  agent: https.Agent;
  received: ReceivedPush[];
  /** What it answers next, per endpoint path (default 201 Created with a Location). */
  answer(pathname: string, status: number): void;
  close(): Promise<void>;
}

/**
 * A push service of our own, as a browser vendor runs one: HTTPS (web-push only speaks https) with a
 * throwaway self-signed certificate for 127.0.0.1 made by openssl, recording every request.
 */
export async function startPushService(): Promise<LocalPushService> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'satu-atap-push-'));
  const keyFile = path.join(dir, 'key.pem');
  const certFile = path.join(dir, 'cert.pem');
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:prime256v1',
      '-nodes',
      '-keyout',
      keyFile,
      '-out',
      certFile,
      '-days',
      '1',
      '-subj',
      '/CN=127.0.0.1',
      '-addext',
      'subjectAltName=IP:127.0.0.1',
    ],
    { stdio: 'ignore' },
  );
  const cert = fs.readFileSync(certFile);
  const received: ReceivedPush[] = [];
  const answers = new Map<string, number>();
  let n = 0;
  const server = https.createServer({ key: fs.readFileSync(keyFile), cert }, (req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const pathname = req.url ?? '/';
      received.push({ path: pathname, headers: req.headers, body: Buffer.concat(chunks) });
      const status = answers.get(pathname) ?? 201;
      if (status === 201) res.setHeader('location', `https://127.0.0.1/m/${++n}`);
      res.statusCode = status;
      res.end(status === 201 ? '' : `status ${status}`);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const agent = new https.Agent({ ca: cert, keepAlive: false });
  return {
    origin: `https://127.0.0.1:${port}`,
    agent,
    received,
    answer: (pathname, status) => answers.set(pathname, status),
    close: async () => {
      agent.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A browser's side of a subscription: a real P-256 key pair and auth secret, as PushManager makes. */
export function browserSubscription(origin: string, pathname = `/push/${crypto.randomUUID()}`) {
  const ecdh = crypto.createECDH('prime256v1');
  ecdh.generateKeys();
  const auth = crypto.randomBytes(16);
  return {
    subscription: {
      endpoint: `${origin}${pathname}`,
      expirationTime: null,
      keys: { p256dh: ecdh.getPublicKey().toString('base64url'), auth: auth.toString('base64url') },
    },
    path: pathname,
    /** Decrypts an aes128gcm push body the way the browser does (http_ece). */
    decrypt: (body: Buffer): string =>
      ece.decrypt(body, { version: 'aes128gcm', privateKey: ecdh, authSecret: auth }).toString('utf8'),
  };
}

/**
 * Checks a VAPID `Authorization: vapid t=<JWT>, k=<key>` header: the ES256 signature against `k`
 * (verified with node:crypto, independent of the library that signed it); answers k and the claims.
 */
export function verifyVapid(authorization: string): { k: string; claims: Record<string, unknown> } {
  const m = authorization.match(/^vapid t=([\w-]+\.[\w-]+\.[\w-]+), k=([\w-]+)$/);
  if (!m) throw new Error(`not a vapid Authorization header: ${authorization.slice(0, 40)}`);
  const [, jwt, k] = m as unknown as [string, string, string];
  const [head, payload, sig] = jwt.split('.') as [string, string, string];
  const header = JSON.parse(Buffer.from(head, 'base64url').toString('utf8'));
  if (header.alg !== 'ES256') throw new Error(`JWT alg ${header.alg}`);
  const point = Buffer.from(k, 'base64url');
  if (point.length !== 65 || point[0] !== 4) throw new Error('k is not an uncompressed P-256 point');
  const key = crypto.createPublicKey({
    key: {
      kty: 'EC',
      crv: 'P-256',
      x: point.subarray(1, 33).toString('base64url'),
      y: point.subarray(33).toString('base64url'),
    },
    format: 'jwk',
  });
  const ok = crypto.verify(
    'sha256',
    Buffer.from(`${head}.${payload}`),
    { key, dsaEncoding: 'ieee-p1363' },
    Buffer.from(sig, 'base64url'),
  );
  if (!ok) throw new Error('VAPID JWT signature does not verify against k');
  return { k, claims: JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) };
}
