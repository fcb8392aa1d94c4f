import { randomBytes } from 'node:crypto';
import os from 'node:os';
import type { AppContext } from '../../context.js';
import { inTransaction } from '../../db/tx.js';
import { backoffMs } from './backoff.js';
import { channelOf, registeredChannels } from './channels/index.js';
import { redactError } from './outbox.redact.js';
import { claimDue, type Outcome, pendingChannels, recordOutcome } from './outbox.repo.js';
import { onOutboxWork } from './outbox.service.js';
import { type OutboxMessageRow, PermanentSendError, SendError } from './outbox.types.js';

/** Messages claimed (and sent in parallel) per round. */
const BATCH = 20;
/** How often the worker asks again which unconfigured channels have waiting messages. */
const UNCONFIGURED_CHECK_MS = 60_000;
/** How long closing the app waits for sends in flight before aborting them. */
const STOP_GRACE_MS = 5_000;

export interface OutboxWorker {
  /** This node's name in `locked_by`. */
  nodeId: string;
  /** Drains now (and again if work arrives meanwhile); resolves when nothing due is left. */
  kick(): Promise<void>;
  /** Stops polling, aborts sends in flight (they are recorded and retried later) and waits for them. */
  stop(): Promise<void>;
  /** What this worker did since it started (for metrics and tests). */
  stats: { sent: number; retried: number; failed: number };
}

const workers = new WeakMap<AppContext, OutboxWorker>();

export type OutcomeKind = 'sent' | 'retry' | 'failed';
type OutcomeListener = (channel: string, kind: OutcomeKind) => void;
const outcomeListeners = new WeakMap<AppContext, OutcomeListener[]>();

/** Called after each recorded try of this node's worker (the metrics count them). */
export function onOutboxOutcome(ctx: AppContext, listener: OutcomeListener): void {
  outcomeListeners.set(ctx, [...(outcomeListeners.get(ctx) ?? []), listener]);
}

/** The worker running for this context (this node), if started. */
export function outboxWorkerOf(ctx: AppContext): OutboxWorker | undefined {
  return workers.get(ctx);
}

/**
 * Drains the outbox: claims due messages with a lease, sends them outside any transaction, then
 * records the delivery-log row and the outcome together. Woken at once when this node queues a
 * message (after commit), and every OUTBOX_POLL_MS for retries and other nodes' messages.
 */
export function startOutboxWorker(ctx: AppContext, opts: { nodeId?: string } = {}): OutboxWorker {
  const nodeId = opts.nodeId ?? `${os.hostname()}:${process.pid}:${randomBytes(4).toString('hex')}`;
  const stopping = new AbortController();
  const warned = new Set<string>();
  let lastUnconfiguredCheck = 0;
  let running: Promise<void> | null = null;
  let again = false;
  let closing = false;
  let timer: NodeJS.Timeout | null = null;

  const stats = { sent: 0, retried: 0, failed: 0 };
  const log = ctx.log.child({ module: 'outbox', nodeId });

  async function warnUnconfigured(): Promise<void> {
    const at = Date.now();
    if (at - lastUnconfiguredCheck < UNCONFIGURED_CHECK_MS) return;
    lastUnconfiguredCheck = at;
    const off = registeredChannels()
      .filter((c) => !c.configured(ctx) && !warned.has(c.name))
      .map((c) => c.name);
    for (const channel of await pendingChannels(ctx.database.db, off)) {
      warned.add(channel);
      log.warn({ channel }, 'outbox: messages wait for a channel this node has not configured');
    }
  }

  async function attempt(row: OutboxMessageRow): Promise<void> {
    const channel = channelOf(row.channel);
    const started = Date.now();
    const attemptNo = row.attempts + 1;
    let statusCode: number | null = null;
    let result: Outcome['result'];
    try {
      if (!channel) throw new SendError(`no channel ${row.channel}`);
      const signal = AbortSignal.any([
        stopping.signal,
        AbortSignal.timeout(ctx.config.OUTBOX_SEND_TIMEOUT_MS),
      ]);
      const sent = await channel.send(ctx, row, { signal });
      statusCode = sent.statusCode ?? null;
      result = { kind: 'sent', providerId: sent.providerId ?? null };
    } catch (err) {
      const e = err as Error & { statusCode?: number };
      statusCode = typeof e.statusCode === 'number' ? e.statusCode : null;
      const error = redactError(e.message || String(err));
      const permanent = err instanceof PermanentSendError;
      if (permanent || attemptNo >= row.max_attempts) result = { kind: 'failed', error };
      else {
        const next = new Date(ctx.now().getTime() + backoffMs(attemptNo)).toISOString();
        result = { kind: 'retry', error, nextAttemptAt: next };
      }
    }
    const outcome: Outcome = {
      messageId: row.id,
      nodeId,
      attempt: attemptNo,
      at: ctx.now().toISOString(),
      durationMs: Date.now() - started,
      statusCode,
      result,
    };
    await inTransaction(ctx.database.db, (tx) => recordOutcome(tx.db, outcome));
    stats[result.kind === 'retry' ? 'retried' : result.kind]++;
    for (const l of outcomeListeners.get(ctx) ?? []) l(row.channel, result.kind);
    const m = { id: row.id, channel: row.channel, event: row.event, attempt: attemptNo };
    if (result.kind === 'sent') log.debug(m, 'outbox: sent');
    else if (result.kind === 'failed') log.warn({ ...m, error: result.error }, 'outbox: failed for good');
    else log.info({ ...m, error: result.error, next: result.nextAttemptAt }, 'outbox: will retry');
  }

  async function drain(): Promise<void> {
    const channels = registeredChannels()
      .filter((c) => c.configured(ctx))
      .map((c) => c.name);
    await warnUnconfigured();
    while (!closing) {
      const now = ctx.now();
      const until = new Date(now.getTime() + ctx.config.OUTBOX_LEASE_SECONDS * 1000).toISOString();
      const rows = await claimDue(ctx.database.db, ctx.database.dialect, {
        now: now.toISOString(),
        until,
        nodeId,
        channels,
        limit: BATCH,
      });
      if (rows.length === 0) return;
      await Promise.all(
        rows.map((r) => attempt(r).catch((err) => log.error({ err }, 'outbox: record failed'))),
      );
    }
  }

  function kick(): Promise<void> {
    if (closing) return Promise.resolve();
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      do {
        again = false;
        try {
          await drain();
        } catch (err) {
          log.warn({ err }, 'outbox: drain failed; retrying on the next poll');
        }
      } while (again && !closing);
    })().finally(() => {
      running = null;
    });
    return running;
  }

  function schedule(): void {
    if (closing) return;
    timer = setTimeout(() => {
      void kick().finally(schedule);
    }, ctx.config.OUTBOX_POLL_MS);
    timer.unref();
  }

  onOutboxWork(ctx, () => void kick());
  void kick().finally(schedule);

  const worker: OutboxWorker = {
    nodeId,
    kick,
    stats,
    async stop() {
      // No new claims; sends in flight get a short grace to finish (an aborted send that the gateway
      // had already taken would be sent again later, deduplicated only by its idempotency key).
      closing = true;
      if (timer) clearTimeout(timer);
      const grace = new Promise((resolve) => setTimeout(resolve, STOP_GRACE_MS).unref());
      await Promise.race([running, grace]);
      stopping.abort();
      await running;
      if (workers.get(ctx) === worker) workers.delete(ctx);
    },
  };
  workers.set(ctx, worker);
  return worker;
}
