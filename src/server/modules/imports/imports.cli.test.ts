import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestMall, dialects, type TestMall } from '../../../../test/harness.js';
import { HEADER, row, toCsv, toXlsx } from './fixtures/sheets.js';
import { runImportCli } from './imports.cli.js';

describe.each(dialects())('satu-atap import on %s', (dialect) => {
  let t: TestMall;
  let dir: string;
  beforeAll(async () => {
    t = await createTestMall(dialect);
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'satu-atap-import-'));
  });
  afterAll(async () => {
    await t.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  async function run(file: string, dryRun: boolean, slug = t.slug) {
    const lines: string[] = [];
    const log = vi.spyOn(console, 'log').mockImplementation((s: string) => void lines.push(s));
    const err = vi.spyOn(console, 'error').mockImplementation((s: string) => void lines.push(s));
    try {
      return { code: await runImportCli(t.ctx, slug, file, dryRun), out: lines.join('\n') };
    } finally {
      log.mockRestore();
      err.mockRestore();
    }
  }
  const count = async () => (await t.ctx.database.db.selectFrom('services').select('id').execute()).length;

  it('dry-runs, then imports, printing one line per row', async () => {
    const file = path.join(dir, 'katalog.xlsx');
    fs.writeFileSync(file, await toXlsx([HEADER, row('Cek plot tanah'), row('Salinan warkah')]));
    const before = await count();
    const dry = await run(file, true);
    expect(dry.code).toBe(0);
    expect(dry.out).toMatch(/baris 2: baru \(created\)\s+bpn \/ Cek plot tanah/);
    expect(await count()).toBe(before);
    const real = await run(file, false);
    expect(real.code).toBe(0);
    expect(await count()).toBe(before + 2);
  });

  it('exits 1 with the row errors, 2 for an unknown mall or a missing file', async () => {
    const file = path.join(dir, 'salah.csv');
    fs.writeFileSync(file, toCsv([HEADER, row('Ok'), row('Cek ulang', { completion_value: 'x' })]));
    const bad = await run(file, false);
    expect(bad.code).toBe(1);
    expect(bad.out).toMatch(/baris 2 \[service_name\].*\nbaris 3 \[completion_value\]/);
    expect((await run(file, false, 'no-such-mall')).code).toBe(2);
    expect((await run(path.join(dir, 'none.csv'), false)).code).toBe(2);
  });
});
