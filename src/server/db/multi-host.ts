import pg from 'pg';

/**
 * Multi-host PostgreSQL connection strings, read the way libpq reads them:
 *
 *   postgres://satu@db1:5432,db2:5432/satu?target_session_attrs=read-write&connect_timeout=5
 *
 * node-postgres connects to one host only (and no npm package adds this to it), so this module
 * does. Every new connection tries the hosts in turn, starting with the one that worked last,
 * and keeps the first whose session matches `target_session_attrs`:
 *
 * - `any` (the default): the first host that accepts the connection;
 * - `read-write`: a session that accepts writes (`transaction_read_only` is off) — what the app
 *   needs, and what a pg_auto_failover formation promises only of its writable primary (a freshly
 *   promoted standby stays read-only until the old primary is known to be demoted);
 * - `primary`: a server not in recovery (writes may still be refused, see above).
 *
 * The standby-seeking values (`read-only`, `standby`, `prefer-standby`) are refused: the app
 * writes through every connection. `connect_timeout` (seconds, per host attempt as in libpq;
 * default 5) bounds a host that does not answer. Connections that meet a read-only server later
 * (SQLSTATE 25006: the server was turned read-only under them) close themselves, so the pool
 * drops them and the next connection looks for the new primary.
 */

export type TargetSessionAttrs = 'any' | 'read-write' | 'primary';
const SUPPORTED: readonly string[] = ['any', 'read-write', 'primary'];
const STANDBY_SEEKING: readonly string[] = ['read-only', 'standby', 'prefer-standby'];
const DEFAULT_CONNECT_TIMEOUT_S = 5;

export interface PgHost {
  host: string;
  port: number;
}

export interface PgTarget {
  hosts: readonly PgHost[];
  attrs: TargetSessionAttrs;
  /** Per host attempt. */
  connectTimeoutMs: number;
  /** One single-host connection string per host (same order), without the parameters read here. */
  urls: readonly string[];
}

/** A connection string this module cannot use; the message says what to change. */
export class PgUrlError extends Error {
  override name = 'PgUrlError';
}

/** Not one host gave a session of the kind asked for; `code` makes it a 503 (see unavailable.ts). */
export class NoTargetSessionError extends Error {
  override name = 'NoTargetSessionError';
  readonly code = 'ENOPRIMARY';
}

export const hostLabel = (h: PgHost) => `${h.host.includes(':') ? `[${h.host}]` : h.host}:${h.port}`;

function parseHost(text: string): PgHost {
  // [v6addr]:port, [v6addr], name:port, name
  const m = /^(?:\[([0-9A-Fa-f:.]+)\]|([^:[\]]+))(?::(\d*))?$/.exec(text);
  if (!m) throw new PgUrlError(`DATABASE_URL: cannot read host "${text}"`);
  const host = decodeURIComponent((m[1] ?? m[2]) as string);
  const portText = m[3];
  if (portText === undefined || portText === '') return { host, port: 5432 };
  const port = Number(portText);
  if (!Number.isInteger(port) || port < 1 || port > 65535)
    throw new PgUrlError(`DATABASE_URL: port "${portText}" of host "${host}" is not a port number`);
  return { host, port };
}

/**
 * Reads a postgres:// URL with one or more hosts. Throws PgUrlError with a message an operator can
 * act on (it never contains the password).
 */
export function parsePgTarget(url: string): PgTarget {
  const scheme = /^postgres(?:ql)?:\/\//.exec(url)?.[0];
  if (!scheme) throw new PgUrlError('DATABASE_URL: must start with postgres:// or postgresql://');
  const rest = url.slice(scheme.length);
  const authEnd = rest.search(/[/?#]/);
  const authority = authEnd < 0 ? rest : rest.slice(0, authEnd);
  const tail = authEnd < 0 ? '' : rest.slice(authEnd);
  const at = authority.lastIndexOf('@');
  const userinfo = at < 0 ? '' : authority.slice(0, at + 1);
  const hostList = authority.slice(at + 1);
  const q = tail.indexOf('?');
  const pathPart = (q < 0 ? tail : tail.slice(0, q)).replace(/#.*$/, '');
  const query = q < 0 ? '' : tail.slice(q + 1).replace(/#.*$/, '');

  let attrs: TargetSessionAttrs = 'any';
  let connectTimeoutS = DEFAULT_CONNECT_TIMEOUT_S;
  const kept: string[] = [];
  for (const pair of query.split('&').filter(Boolean)) {
    const eq = pair.indexOf('=');
    const key = decodeURIComponent(eq < 0 ? pair : pair.slice(0, eq));
    const value = decodeURIComponent(eq < 0 ? '' : pair.slice(eq + 1).replace(/\+/g, ' '));
    if (key === 'target_session_attrs') {
      if (STANDBY_SEEKING.includes(value))
        throw new PgUrlError(
          `DATABASE_URL: target_session_attrs=${value} is not supported: the app writes through every connection; use read-write (or any, or primary)`,
        );
      if (!SUPPORTED.includes(value))
        throw new PgUrlError(
          `DATABASE_URL: target_session_attrs must be read-write, primary or any (not "${value}")`,
        );
      attrs = value as TargetSessionAttrs;
    } else if (key === 'connect_timeout') {
      const s = Number(value);
      if (!Number.isInteger(s) || s < 0)
        throw new PgUrlError(`DATABASE_URL: connect_timeout must be whole seconds (not "${value}")`);
      // libpq: 0 means wait forever, and anything below 2 s counts as 2 s.
      connectTimeoutS = s === 0 ? 0 : Math.max(2, s);
    } else {
      if ((key === 'host' || key === 'port') && value.includes(','))
        throw new PgUrlError(
          `DATABASE_URL: list several hosts in the address (postgres://user@host1:5432,host2:5432/db), not in ?${key}=`,
        );
      kept.push(pair);
    }
  }

  const hostTexts = hostList === '' ? [] : hostList.split(',');
  if (hostTexts.some((h) => h === ''))
    throw new PgUrlError('DATABASE_URL: an empty host in the host list (two commas, or a trailing comma?)');
  const hosts = hostTexts.map(parseHost);
  const rebuilt = (host: string) =>
    `${scheme}${userinfo}${host}${pathPart}${kept.length ? `?${kept.join('&')}` : ''}`;
  // No host in the address (a Unix socket via ?host=, or the PG* defaults): one target as given.
  const urls = hosts.length ? hosts.map((h) => rebuilt(hostLabel(h))) : [rebuilt('')];
  return {
    hosts: hosts.length ? hosts : [{ host: '', port: 0 }],
    attrs,
    connectTimeoutMs: connectTimeoutS * 1000,
    urls,
  };
}

/** The problem with a DATABASE_URL, for configuration checks; undefined when it is usable. */
export function pgUrlProblem(url: string): string | undefined {
  try {
    parsePgTarget(url);
    return undefined;
  } catch (err) {
    if (err instanceof PgUrlError) return err.message.replace(/^DATABASE_URL: /, '');
    throw err;
  }
}

/** Which host new connections try first: the one that worked last. Shared by one pool's clients. */
export class HostSelector {
  private current = 0;
  constructor(
    readonly target: PgTarget,
    private readonly onSwitch?: (from: PgHost, to: PgHost, why: string) => void,
  ) {}

  get preferred(): number {
    return this.current;
  }

  /** Host `i` refused or was not the kind asked for: the next connection starts at the next host. */
  failed(i: number, why: string): void {
    const n = this.target.hosts.length;
    if (n < 2 || this.current !== i) return;
    this.current = (i + 1) % n;
    this.onSwitch?.(this.target.hosts[i] as PgHost, this.target.hosts[this.current] as PgHost, why);
  }
}

const CHECK_SQL =
  "SELECT pg_is_in_recovery() AS recovery, current_setting('transaction_read_only') AS read_only";

/** Whether a connected session is what `attrs` asks for; a reason when it is not. */
async function sessionMismatch(client: pg.Client, attrs: TargetSessionAttrs): Promise<string | undefined> {
  if (attrs === 'any') return undefined;
  const row = (await client.query<{ recovery: boolean; read_only: string }>(CHECK_SQL)).rows[0];
  if (attrs === 'primary' && row?.recovery !== false) return 'server is a standby (in recovery)';
  if (attrs === 'read-write' && row?.read_only !== 'off')
    return row?.recovery ? 'server is a standby (read-only)' : 'server is read-only (transaction_read_only)';
  return undefined;
}

/** A pg.Client that connects to the selector's preferred host and checks the session's kind. */
export type TargetClientClass = new (config?: pg.ClientConfig) => pg.Client & { readonly hostIndex: number };

export function targetClientClass(selector: HostSelector): TargetClientClass {
  const { target } = selector;
  return class TargetClient extends pg.Client {
    readonly hostIndex: number;
    constructor(config: pg.ClientConfig = {}) {
      const i = selector.preferred;
      super({
        keepAlive: true,
        keepAliveInitialDelayMillis: 10_000,
        connectionTimeoutMillis: target.connectTimeoutMs,
        ...config,
        connectionString: target.urls[i],
      });
      this.hostIndex = i;
      // A client given up on (a failed or mismatched attempt) may still report a socket error; an
      // 'error' event without a listener would end the process. Users add their own listeners.
      this.on('error', () => {});
    }

    get hostLabel(): string {
      return hostLabel(target.hosts[this.hostIndex] as PgHost);
    }

    override connect(): Promise<pg.Client>;
    override connect(callback: ((err: Error) => void) | ((err: null, c: pg.Client) => void)): void;
    override connect(
      callback?: ((err: Error) => void) | ((err: null, c: pg.Client) => void),
    ): Promise<pg.Client> | undefined {
      const done = this.connectChecked().then(() => this as pg.Client);
      if (!callback) return done;
      const cb = callback as (err: Error | null, c?: pg.Client) => void;
      done.then(
        (c) => cb(null, c),
        (err: Error) => cb(err),
      );
      return undefined;
    }

    private async connectChecked(): Promise<void> {
      let why: string | undefined;
      try {
        await super.connect();
        why = await sessionMismatch(this, target.attrs);
      } catch (err) {
        selector.failed(this.hostIndex, (err as Error).message);
        this.end().catch(() => {}); // not awaited: a socket that never opened may never say 'end'
        throw Object.assign(err as Error, { pgHost: this.hostLabel });
      }
      if (why) {
        selector.failed(this.hostIndex, why);
        await this.end().catch(() => {});
        throw Object.assign(new Error(why), { pgHost: this.hostLabel, code: '25006' });
      }
    }

    // biome-ignore lint/suspicious/noExplicitAny: pg's query() has a dozen overloads; this only observes the outcome.
    override query(...args: any[]): any {
      // biome-ignore lint/suspicious/noExplicitAny: see above
      const result = (super.query as (...a: any[]) => any)(...args);
      if (target.attrs !== 'any' && result && typeof result.then === 'function')
        (result as Promise<unknown>).then(undefined, (err: { code?: unknown }) => {
          // The server turned read-only under this session (a demotion in place): close it, so the
          // pool drops it on release and a new connection finds the writable server.
          if (err?.code === '25006' && !this._ending) {
            selector.failed(this.hostIndex, 'server turned read-only');
            this.end().catch(() => {});
          }
        });
      return result;
    }

    declare _ending: boolean;
  };
}

function describeFailures(target: PgTarget, errors: unknown[]): NoTargetSessionError {
  const parts = errors.map((e) => {
    const { pgHost, message } = e as { pgHost?: string; message?: string };
    return `${pgHost ?? '?'}: ${message ?? String(e)}`;
  });
  const err = new NoTargetSessionError(
    `no PostgreSQL server gave a ${target.attrs} session (${parts.join('; ')})`,
  );
  (err as { cause?: unknown }).cause = errors[errors.length - 1];
  return err;
}

/**
 * Connects one client (the LISTEN connection): tries every host once, starting with the selector's
 * preferred one; throws NoTargetSessionError when none fits.
 */
export async function connectTarget(
  selector: HostSelector,
  config: pg.ClientConfig = {},
): Promise<pg.Client> {
  const Client = targetClientClass(selector);
  const errors: unknown[] = [];
  for (let attempt = 0; attempt < selector.target.hosts.length; attempt++) {
    const c = new Client(config);
    try {
      await c.connect();
      return c;
    } catch (err) {
      errors.push(err);
    }
  }
  if (selector.target.hosts.length === 1 && selector.target.attrs === 'any') throw errors[0];
  throw describeFailures(selector.target, errors);
}

/**
 * A pg.Pool over a (multi-host) target: every new connection is a TargetClient; `connect()` tries
 * the next host when one fails, up to every host once, then rejects with NoTargetSessionError.
 */
export function targetPool(selector: HostSelector, config: pg.PoolConfig): pg.Pool {
  const { target } = selector;
  class TargetPool extends pg.Pool {
    override connect(): Promise<pg.PoolClient>;
    override connect(
      callback: (
        err: Error | undefined,
        client: pg.PoolClient | undefined,
        done: (release?: unknown) => void,
      ) => void,
    ): void;
    override connect(
      callback?: (
        err: Error | undefined,
        client: pg.PoolClient | undefined,
        done: (release?: unknown) => void,
      ) => void,
    ): Promise<pg.PoolClient> | undefined {
      const done = this.connectRetrying();
      if (!callback) return done;
      // The callback form too (pool.query() uses it).
      done.then(
        (client) => callback(undefined, client, (release) => client.release(release as Error | boolean)),
        (err: Error) => callback(err, undefined, () => {}),
      );
      return undefined;
    }

    private async connectRetrying(): Promise<pg.PoolClient> {
      const errors: unknown[] = [];
      for (let attempt = 0; attempt < target.hosts.length; attempt++) {
        try {
          return await super.connect();
        } catch (err) {
          if (this.ending) throw err;
          errors.push(err);
        }
      }
      if (target.hosts.length === 1 && target.attrs === 'any') throw errors[0];
      throw describeFailures(target, errors);
    }
  }
  return new TargetPool({
    ...config,
    Client: targetClientClass(selector) as unknown as pg.PoolConfig['Client'],
  });
}
