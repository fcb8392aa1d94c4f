import { generateKeyPairSync, randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import forge from 'node-forge';
import type { AppContext } from '../../context.js';
import { AppError } from '../../errors.js';
import { secret } from '../applications/applications.repo.js';

/**
 * The certificate that signs issued documents: the PKCS#12 file at SIGNING_P12_PATH (the agency's
 * or the mall's, e.g. from BSrE) with SIGNING_P12_PASSPHRASE. Without one, outside production, a
 * self-signed demo certificate is made on first start and kept in `installation_secrets`
 * (insert-if-absent: every node signs with the same one); documents it signs say "DEMO".
 */
export interface SigningKey {
  p12: Buffer;
  passphrase: string;
  demo: boolean;
  /** The certificate's subject common name, shown on the check page. */
  signer: string;
}

const keys = new WeakMap<AppContext, Promise<SigningKey | null>>();

function commonName(p12: Buffer, passphrase: string): string {
  const asn1 = forge.asn1.fromDer(forge.util.createBuffer(p12.toString('binary')));
  const parsed = forge.pkcs12.pkcs12FromAsn1(asn1, passphrase);
  const bags = parsed.getBags({ bagType: forge.pki.oids.certBag! })[forge.pki.oids.certBag!] ?? [];
  const cert = bags[0]?.cert;
  return String(cert?.subject.getField('CN')?.value ?? 'unknown');
}

/** A self-signed RSA-2048 certificate for ten years, as PKCS#12 (3DES, the widest-read form). */
export function makeDemoP12(name: string, passphrase: string): Buffer {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const key = forge.pki.privateKeyFromPem(privateKey.export({ type: 'pkcs1', format: 'pem' }).toString());
  const pub = forge.pki.publicKeyFromPem(publicKey.export({ type: 'spki', format: 'pem' }).toString());
  const cert = forge.pki.createCertificate();
  cert.publicKey = pub;
  cert.serialNumber = `01${randomBytes(8).toString('hex')}`;
  cert.validity.notBefore = new Date(Date.now() - 86_400_000);
  cert.validity.notAfter = new Date(Date.now() + 10 * 365 * 86_400_000);
  const attrs = [
    { name: 'commonName', value: name },
    { name: 'organizationName', value: 'Satu Atap (DEMO)' },
    { name: 'countryName', value: 'ID' },
  ];
  cert.setSubject(attrs);
  cert.setIssuer(attrs);
  cert.setExtensions([
    { name: 'basicConstraints', cA: false },
    { name: 'keyUsage', digitalSignature: true, nonRepudiation: true },
  ]);
  cert.sign(key, forge.md.sha256.create());
  const p12 = forge.pkcs12.toPkcs12Asn1(key, [cert], passphrase, { algorithm: '3des' });
  return Buffer.from(forge.asn1.toDer(p12).getBytes(), 'binary');
}

async function load(ctx: AppContext): Promise<SigningKey | null> {
  const { SIGNING_P12_PATH: path, SIGNING_P12_PASSPHRASE: pass = '' } = ctx.config;
  if (path) {
    const p12 = await fs.readFile(path);
    return { p12, passphrase: pass, demo: false, signer: commonName(p12, pass) };
  }
  if (ctx.config.NODE_ENV === 'production') return null;
  const passphrase = 'demo';
  const made = makeDemoP12('Satu Atap DEMO - bukan tanda tangan resmi', passphrase).toString('base64');
  const stored = await secret(ctx.database.db, 'demo-signing-p12', made, ctx.now().toISOString());
  const p12 = Buffer.from(stored, 'base64');
  return { p12, passphrase, demo: true, signer: commonName(p12, passphrase) };
}

/** The signing key (loaded once per process); 503 SIGNING_UNAVAILABLE in production without one. */
export async function signingKey(ctx: AppContext): Promise<SigningKey> {
  let k = keys.get(ctx);
  if (!k) {
    k = load(ctx);
    k.catch(() => keys.delete(ctx));
    keys.set(ctx, k);
  }
  const key = await k;
  if (!key)
    throw new AppError(
      'SIGNING_UNAVAILABLE',
      'Sertifikat penanda tangan belum diatur (set SIGNING_P12_PATH and SIGNING_P12_PASSPHRASE).',
    );
  return key;
}

/** Starts loading (or making) the key at start-up, so the first document does not wait for it. */
export function warmSigningKey(ctx: AppContext): void {
  signingKey(ctx).catch((err: unknown) => {
    if (!(err instanceof AppError)) ctx.log.warn({ err }, 'signing certificate not loaded');
  });
}
