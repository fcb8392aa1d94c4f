import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestMall, dialects, type TestMall } from '../../../../test/harness.js';
import { toXlsx } from '../imports/fixtures/sheets.js';
import * as repo from './calendar.repo.js';
import { runCalendarImportCli } from './national.cli.js';

describe.each(dialects())('satu-atap calendar-import on %s', (dialect) => {
  let t: TestMall;
  let dir: string;
  beforeAll(async () => {
    t = await createTestMall(dialect);
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'satu-atap-calendar-'));
  });
  afterAll(async () => {
    // The national list is shared by every test on PostgreSQL: leave it as found.
    for (const d of await repo.nationalDays(t.ctx.database.db, '2034-01-01', '2034-12-31'))
      await repo.deleteNationalDay(t.ctx.database.db, d.date);
    await t.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  async function run(file: string, dryRun: boolean) {
    const lines: string[] = [];
    const log = vi.spyOn(console, 'log').mockImplementation((s: string) => void lines.push(s));
    const err = vi.spyOn(console, 'error').mockImplementation((s: string) => void lines.push(s));
    try {
      return { code: await runCalendarImportCli(t.ctx, file, dryRun), out: lines.join('\n') };
    } finally {
      log.mockRestore();
      err.mockRestore();
    }
  }

  it('dry-runs, imports an XLSX year, and exits 1 on row errors, 2 on a missing file', async () => {
    const file = path.join(dir, 'skb-2034.xlsx');
    fs.writeFileSync(
      file,
      await toXlsx([
        ['Tanggal', 'Jenis', 'Nama', 'Dasar Hukum'],
        ['2034-01-01', 'Libur Nasional', 'Tahun Baru 2034 Masehi', 'SKB uji 2033'],
        ['2034-08-17', 'Libur Nasional', 'Proklamasi Kemerdekaan', 'SKB uji 2033'],
      ]),
    );
    const dry = await run(file, true);
    expect(dry).toMatchObject({ code: 0 });
    expect(dry.out).toMatch(/2 baris.*uji coba.*tahun 2034; baru 2/);
    expect(await repo.nationalDays(t.ctx.database.db, '2034-01-01', '2034-12-31')).toEqual([]);
    expect((await run(file, false)).code).toBe(0);
    expect((await repo.nationalDays(t.ctx.database.db, '2034-01-01', '2034-12-31')).length).toBe(2);
    const bad = path.join(dir, 'salah.csv');
    fs.writeFileSync(bad, 'tanggal,jenis,nama\n2034-05-01,libur nasional,Hari Buruh\n');
    const out = await run(bad, false);
    expect(out.code).toBe(1);
    expect(out.out).toMatch(/baris 1 \[source\]/);
    expect((await run(path.join(dir, 'none.csv'), false)).code).toBe(2);
  });

  it('reads the shipped example file as the built-in 2026 list, unchanged', async () => {
    const shipped = await run(path.resolve('docs/calendar/libur-nasional-2026.csv'), true);
    expect(shipped.code).toBe(0);
    expect(shipped.out).toMatch(/25 baris.*tahun 2026; baru 0, diubah 0, tetap 25/);
  });
});
