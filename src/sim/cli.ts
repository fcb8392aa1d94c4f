import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { isCalendarDate } from '../shared/domain/local-time.js';
import { type SimReport, summaryText } from './report.js';
import { runSimulation } from './run.js';
import { loadScenarioFile, resolveScenario } from './scenario.js';

const USAGE =
  'usage: satu-atap simulate --mall ID [--days N] [--seed S] [--date YYYY-MM-DD] [--out FILE] [--scenario FILE] [--database-url URL] [--listen PORT [--host H] [--speed N]]';

/** `satu-atap simulate`: exit 0 with the summary on stdout, 2 on bad arguments or an unknown mall. */
export async function simulateCommand(args: string[]): Promise<number> {
  let values: Record<string, string | undefined>;
  try {
    values = parseArgs({
      args,
      options: {
        mall: { type: 'string' },
        days: { type: 'string', default: '1' },
        seed: { type: 'string', default: '42' },
        date: { type: 'string', default: '2026-12-07' },
        out: { type: 'string' },
        scenario: { type: 'string' },
        'database-url': { type: 'string' },
        listen: { type: 'string' },
        host: { type: 'string', default: '127.0.0.1' },
        speed: { type: 'string' },
      },
    }).values;
  } catch (err) {
    console.error(`${(err as Error).message}\n${USAGE}`);
    return 2;
  }
  const days = Number(values.days);
  const seed = Number(values.seed);
  if (!values.mall || !Number.isInteger(days) || days < 1 || days > 31 || !Number.isInteger(seed)) {
    console.error(USAGE);
    return 2;
  }
  const port = values.listen === undefined ? null : Number(values.listen);
  const speed = values.speed === undefined ? undefined : Number(values.speed);
  if (
    (port !== null && (!Number.isInteger(port) || port < 0 || port > 65_535)) ||
    (speed !== undefined && (!(speed > 0) || speed > 100_000))
  ) {
    console.error(`--listen takes a port (0–65535), --speed a positive number\n${USAGE}`);
    return 2;
  }
  if (!isCalendarDate(values.date!)) {
    console.error(`--date must be YYYY-MM-DD\n${USAGE}`);
    return 2;
  }
  let malls: ReturnType<typeof loadScenarioFile>;
  try {
    malls = loadScenarioFile(values.scenario);
  } catch (err) {
    console.error(`cannot read the scenario file: ${(err as Error).message}`);
    return 2;
  }
  const found = malls.find((m) => m.id === values.mall);
  if (!found) {
    console.error(`unknown mall "${values.mall}"; the scenario has: ${malls.map((m) => m.id).join(', ')}`);
    return 2;
  }
  let done = false;
  const finish = (r: SimReport) => {
    if (done) return;
    done = true;
    if (values.out) fs.writeFileSync(values.out, `${JSON.stringify(r, null, 2)}\n`);
    console.log(summaryText(r));
  };
  const report = await runSimulation({
    scenario: resolveScenario(found),
    days,
    seed,
    start: values.date!,
    databaseUrl: values['database-url'],
    ...(port === null
      ? {}
      : {
          listen: {
            port,
            host: values.host!,
            onListening: (url: string, mall: string, password: string) =>
              // stderr: stdout carries only the summary.
              console.error(
                `Mal simulasi: ${url}/${mall}/admin/dashboard — masuk sebagai "national", kata sandi ${password}\n` +
                  `(Simulated mall: sign in as "national" with that password.)`,
              ),
          },
          linger: async (r: SimReport) => {
            finish(r);
            console.error(
              'Simulasi selesai; dasbor tetap dilayani — tekan Ctrl+C untuk berhenti (Ctrl+C stops).',
            );
            await new Promise<void>((resolve) => process.once('SIGINT', () => resolve()));
          },
        }),
    ...(speed === undefined ? {} : { speed }),
  });
  finish(report);
  return 0;
}
