import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { isCalendarDate } from '../shared/domain/local-time.js';
import { summaryText } from './report.js';
import { runSimulation } from './run.js';
import { loadScenarioFile, resolveScenario } from './scenario.js';

const USAGE =
  'usage: satu-atap simulate --mall ID [--days N] [--seed S] [--date YYYY-MM-DD] [--out FILE] [--scenario FILE] [--database-url URL]';

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
  const report = await runSimulation({
    scenario: resolveScenario(found),
    days,
    seed,
    start: values.date!,
    databaseUrl: values['database-url'],
  });
  if (values.out) fs.writeFileSync(values.out, `${JSON.stringify(report, null, 2)}\n`);
  console.log(summaryText(report));
  return 0;
}
