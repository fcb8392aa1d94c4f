import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { simulateCommand } from './cli.js';
import { runSimulation } from './run.js';
import { loadScenarioFile, resolveScenario, type ScenarioMallInput } from './scenario.js';

const small: ScenarioMallInput = {
  id: 'kecil',
  name: 'MPP Simulasi Kecil',
  timezone: 'Asia/Makassar',
  agencies: 3,
  counters: 4,
  services: 8,
  officers: null,
  visitorsPerDay: 40,
  facts: [],
};

describe('scenarios', () => {
  it('ships the five seed malls and fills what their reports leave out', () => {
    const malls = loadScenarioFile();
    expect(malls.map((m) => m.id).sort()).toEqual([
      'kudus',
      'pandeglang',
      'purbalingga',
      'sragen',
      'sumedang',
    ]);
    const pandeglang = resolveScenario(malls.find((m) => m.id === 'pandeglang')!);
    expect(pandeglang).toMatchObject({
      agencies: 21,
      counters: 21,
      services: 153,
      officers: 50,
      visitorsPerDay: 600,
    });
    // Reported figures are never overridden; missing ones are assumed and say so.
    for (const m of malls) {
      const s = resolveScenario(m);
      for (const key of ['agencies', 'counters', 'services', 'officers', 'visitorsPerDay'] as const) {
        if (m[key] !== null) expect(s[key], `${m.id} ${key}`).toBe(m[key]);
        else
          expect(
            s.assumptions.some((a) => a.includes('not reported')),
            `${m.id} ${key}`,
          ).toBe(true);
      }
      expect(s.counters).toBeGreaterThan(0);
      expect(s.officers).toBeGreaterThanOrEqual(s.counters);
    }
    const sumedang = resolveScenario(malls.find((m) => m.id === 'sumedang')!);
    expect(sumedang.services).toBe(361);
    expect(sumedang.counters).toBe(23);
  });
});

describe('simulated days through the API', () => {
  it('plays two days of a small WITA mall, and agrees with the system’s own statistics', async () => {
    const run = () =>
      runSimulation({ scenario: resolveScenario(small), days: 2, seed: 7, start: '2026-12-04' });
    const a = await run();
    // 4 December 2026 is a Friday: the next working day is Monday the 7th.
    expect(a.dates).toEqual(['2026-12-04', '2026-12-07']);
    expect(a.visitors).toBeGreaterThan(50);
    expect(a.visitors).toBeLessThan(110);
    expect(a.system.issued).toBe(a.visitors);
    expect(a.system.served).toBe(a.served);
    expect(a.system.transferred).toBe(a.transferred);
    expect(a.system.noShows).toBe(a.noShows);
    expect(a.served).toBeGreaterThanOrEqual(0.9 * a.visitors);
    expect(a.wait.p90).toBeGreaterThanOrEqual(a.wait.p50);
    expect(a.counters).toHaveLength(4);
    for (const c of a.counters) {
      expect(c.utilization).toBeGreaterThan(0);
      expect(c.utilization).toBeLessThanOrEqual(1);
    }
    expect(a.byService.reduce((s, x) => s + x.tickets, 0)).toBe(a.visitors + a.transferred);
    // Booked online, answered the survey, complained: the system's report counts the same.
    expect(a.bookings.booked).toBeGreaterThan(5);
    expect(a.bookings.checkedIn).toBeGreaterThan(0);
    expect(a.system.bookings).toEqual({
      booked: a.bookings.booked,
      showed: a.bookings.checkedIn,
      noShows: a.bookings.noShows,
      showRate: a.bookings.showRate,
    });
    expect(a.surveys.responses).toBeGreaterThan(5);
    expect(a.system.ikm).toEqual({ responses: a.surveys.responses, ikm: a.surveys.ikm });
    expect(a.system.complaints).toBe(a.complaints);
  }, 300_000);

  it('gives the same report for the same seed', async () => {
    const tiny = resolveScenario({ ...small, visitorsPerDay: 15 });
    const run = () => runSimulation({ scenario: tiny, days: 1, seed: 11, start: '2026-12-07' });
    const { run: _a, ...first } = await run();
    const { run: _b, ...again } = await run();
    expect(again).toEqual(first);
    expect(first.visitors).toBeGreaterThan(0);
  }, 300_000);

  it('the command answers 2 for an unknown mall or bad arguments, and writes the report', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sim-cli-'));
    const file = path.join(dir, 'scenario.json');
    fs.writeFileSync(file, JSON.stringify({ malls: [small] }));
    const log = console.log;
    const err = console.error;
    const out: string[] = [];
    console.log = (s: string) => out.push(s);
    console.error = () => {};
    try {
      expect(await simulateCommand(['--mall', 'atlantis'])).toBe(2);
      expect(await simulateCommand(['--mall', 'kecil', '--days', '0', '--scenario', file])).toBe(2);
      expect(await simulateCommand(['--mall', 'kecil', '--date', '2026-13-01', '--scenario', file])).toBe(2);
      const report = path.join(dir, 'r.json');
      expect(
        await simulateCommand(['--mall', 'kecil', '--scenario', file, '--out', report, '--seed', '3']),
      ).toBe(0);
      const json = JSON.parse(fs.readFileSync(report, 'utf8'));
      expect(json).toMatchObject({ mall: 'kecil', days: 1, seed: 3 });
      expect(out.join('\n')).toContain('Waktu tunggu');
    } finally {
      console.log = log;
      console.error = err;
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 300_000);
});
