import { buildApp } from './app.js';
import { bootContext, createLogger } from './boot.js';
import { ConfigError, loadConfig } from './config.js';
import { demoPairingLinks } from './modules/devices/devices.demo.js';
import { resolvePublicUrl } from './public-url.js';

/** `satu-atap serve`: starts the server and prints where it listens and the demo logins. */
export async function serve(): Promise<void> {
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(2);
    }
    throw err;
  }
  const log = createLogger(config);
  const started = performance.now();
  const { ctx, demoLogins } = await bootContext(config, log);
  const app = await buildApp(ctx);
  await app.listen({ port: config.PORT, host: config.HOST });
  // The public address (PUBLIC_URL or this machine's LAN address): what other machines and phones open.
  const where = resolvePublicUrl(config);
  const db = ctx.database.dialect === 'postgres' ? 'PostgreSQL' : `SQLite ${config.sqlitePath}`;
  console.log(
    `\nSatu Atap listening on ${where} (${db}), ready in ${Math.round(performance.now() - started)} ms`,
  );
  console.log(
    `  portal ${where}/demo · kiosk ${where}/demo/kiosk · display ${where}/demo/display · counter ${where}/demo/counter · back office ${where}/demo/desk · admin ${where}/demo/admin · API docs ${where}/docs`,
  );
  if (demoLogins) {
    console.log(
      `  demo mall seeded; logins (password from SATU_ATAP_DEMO_PASSWORD${process.env.SATU_ATAP_DEMO_PASSWORD ? '' : ', default demo1234'}):`,
    );
    for (const l of demoLogins) console.log(`    ${l.username.padEnd(16)} ${l.note}`);
  }
  // Kiosks issue tickets only once paired: ready-to-open links for a demo kiosk and display.
  // The server already answers: a database that goes away now (a restart, a failover) must not end
  // the process, so the demo links are a convenience that may be skipped.
  const demo = await demoPairingLinks(ctx).catch((err: unknown) => {
    log.warn(
      { err },
      'demo pairing links not created (database unavailable); pair devices from the admin screen',
    );
    return { links: [], withdraw: async () => {} };
  });
  if (demo.links.length) {
    console.log('  pair the demo devices (open once on the device; valid while this server runs):');
    for (const l of demo.links) console.log(`    ${l.kind.padEnd(8)} ${where}${l.path}`);
  }
  const shutdown = async (signal: string) => {
    log.info({ signal }, 'shutting down');
    await app.close();
    await demo.withdraw().catch(() => {});
    await ctx.hub.stop();
    await ctx.database.close();
    process.exit(0);
  };
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  process.once('SIGINT', () => void shutdown('SIGINT'));
}
