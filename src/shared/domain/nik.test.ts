import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PROVINCE_CODES, parseNik } from './nik';

const TODAY = new Date('2026-12-01T00:00:00Z');
const pad = (n: number, w = 2) => String(n).padStart(w, '0');

describe('parseNik', () => {
  it('reads a man and a woman born in West Java', () => {
    expect(parseNik('3204011201900001', TODAY)).toEqual({
      ok: true,
      parts: {
        nik: '3204011201900001',
        provinceCode: '32',
        province: 'Jawa Barat',
        regencyCode: '04',
        districtCode: '01',
        sex: 'male',
        birthDate: '1990-01-12',
        serial: '0001',
      },
    });
    const woman = parseNik('3204 0152 0105 0002', TODAY);
    expect(woman.ok && woman.parts).toMatchObject({
      sex: 'female',
      birthDate: '2005-01-12',
      nik: '3204015201050002',
    });
  });

  it('puts a two-digit year in the latest century that is not in the future', () => {
    const at = (nik: string) => {
      const r = parseNik(nik, TODAY);
      return r.ok ? r.parts.birthDate : r.problem;
    };
    expect(at('3171010101260001')).toBe('2026-01-01');
    expect(at('3171010212260001')).toBe('1926-12-02'); // 2 December 2026 is tomorrow
    expect(at('3171012902000001')).toBe('2000-02-29'); // 2000 was a leap year
    expect(at('3171012902010001')).toBe('birth_date');
    expect(at('3171016902040001')).toBe('2004-02-29'); // a woman: 69 = 29 + 40
  });

  it.each([
    ['320401120190000', 'length'],
    ['32040112019000012', 'length'],
    ['3204O11201900001', 'digits'],
    ['', 'digits'],
    ['+3204011201900001', 'digits'],
    ['9904011201900001', 'province'],
    ['2004011201900001', 'province'],
    ['0004011201900001', 'province'],
    ['3200011201900001', 'regency'],
    ['3204001201900001', 'district'],
    ['3204010001900001', 'birth_date'],
    ['3204013201900001', 'birth_date'],
    ['3204014001900001', 'birth_date'],
    ['3204017201900001', 'birth_date'],
    ['3204011213900001', 'birth_date'],
    ['3204011200900001', 'birth_date'],
    ['3204013102900001', 'birth_date'],
    ['3204013104900001', 'birth_date'],
    ['3204011201900000', 'serial'],
  ])('refuses %j (%s)', (nik, problem) => {
    expect(parseNik(nik, TODAY)).toEqual({ ok: false, problem });
  });

  const date = fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: TODAY, noInvalidDate: true });
  const valid = fc
    .record({
      province: fc.constantFrom(...Object.keys(PROVINCE_CODES)),
      regency: fc.integer({ min: 1, max: 99 }),
      district: fc.integer({ min: 1, max: 99 }),
      born: date,
      female: fc.boolean(),
      serial: fc.integer({ min: 1, max: 9999 }),
    })
    .filter(({ born }) => TODAY.getUTCFullYear() - born.getUTCFullYear() < 100)
    .map((p) => {
      const d = p.born.getUTCDate() + (p.female ? 40 : 0);
      const nik = `${p.province}${pad(p.regency)}${pad(p.district)}${pad(d)}${pad(p.born.getUTCMonth() + 1)}${pad(p.born.getUTCFullYear() % 100)}${pad(p.serial, 4)}`;
      return { ...p, nik };
    });

  it('accepts every well-formed NIK and reads its birth date and sex back (property)', () => {
    fc.assert(
      fc.property(valid, (p) => {
        const r = parseNik(p.nik, TODAY);
        expect(r.ok).toBe(true);
        if (!r.ok) return;
        expect(r.parts.birthDate).toBe(p.born.toISOString().slice(0, 10));
        expect(r.parts.sex).toBe(p.female ? 'female' : 'male');
      }),
    );
  });

  it('refuses a well-formed NIK with any digit dropped or a letter in it (property)', () => {
    fc.assert(
      fc.property(valid, fc.nat(15), (p, i) => {
        expect(parseNik(p.nik.slice(0, i) + p.nik.slice(i + 1), TODAY).ok).toBe(false);
        expect(parseNik(`${p.nik.slice(0, i)}x${p.nik.slice(i + 1)}`, TODAY).ok).toBe(false);
      }),
    );
  });
});
