import { describe, expect, it } from 'vitest';
import { columnFor } from './imports.columns.js';
import {
  readFee,
  readFeeComponents,
  readFeeUnit,
  readKind,
  readList,
  readUnit,
  readYesNo,
} from './imports.values.js';

describe('reading spreadsheet cells', () => {
  it.each([
    ['Rp 30.000', 30000],
    ['Rp30.000,00', 30000],
    ['30000', 30000],
    ['30,000', 30000],
    ['1.250.000', 1250000],
    ['Rp 30.000,-', 30000],
    ['Gratis', 0],
    ['0', 0],
    ['', null],
  ])('fee %j → %j', (cell, amount) => expect(readFee(cell)).toEqual({ value: amount }));

  it.each(['tiga puluh ribu', '30.5', '-5', '30.00.000'])('fee %j is an error', (cell) =>
    expect(readFee(cell)).toHaveProperty('error'),
  );

  it.each([
    ['perizinan', 'licensing'],
    ['Non Perizinan', 'non_licensing'],
    ['non-perizinan', 'non_licensing'],
    ['Nonperizinan', 'non_licensing'],
    ['non_licensing', 'non_licensing'],
  ])('kind %j → %s', (cell, kind) => expect(readKind(cell)).toEqual({ value: kind }));

  it.each([
    ['menit', 'minutes'],
    ['Hari Kerja', 'working_days'],
    ['hari', 'working_days'],
    ['working_days', 'working_days'],
  ])('unit %j → %s', (cell, unit) => expect(readUnit(cell)).toEqual({ value: unit }));

  it('reads yes/no with "yes" as the default', () => {
    expect(['', 'Ya', 'TRUE', '1'].map((c) => readYesNo(c))).toEqual(Array(4).fill({ value: true }));
    expect(['tidak', 'false', '0'].map((c) => readYesNo(c))).toEqual(Array(3).fill({ value: false }));
    expect(readYesNo('mungkin')).toHaveProperty('error');
  });

  it('splits lists and drops numbering', () => {
    expect(readList('1. Isi formulir\r\n2) Bayar; - Ambil', /\r?\n|;/)).toEqual([
      'Isi formulir',
      'Bayar',
      'Ambil',
    ]);
  });

  it('maps English and Indonesian headers', () => {
    expect(columnFor(' Kode Instansi ')).toBe('agency_key');
    expect(columnFor('Biaya (Rp)')).toBe('fee_amount');
    expect(columnFor('SERVICE_NAME')).toBe('service_name');
    expect(columnFor('No')).toBeUndefined();
  });

  it.each([
    ['menit', 'minutes'],
    ['Jam', 'hours'],
    ['hari kerja', 'working_days'],
    ['Hari Kalender', 'calendar_days'],
    ['calendar_days', 'calendar_days'],
  ])('completion unit %j is kept as stated: %j', (cell, unit) =>
    expect(readUnit(cell)).toEqual({ value: unit }),
  );

  it.each([
    ['per lembar', 'per_sheet'],
    ['Lembar', 'per_sheet'],
    ['per putusan/penetapan', 'per_decision'],
    ['per_document', 'per_document'],
    ['', null],
  ])('fee unit %j → %j', (cell, unit) => expect(readFeeUnit(cell)).toEqual({ value: unit }));

  it('fee components: name, amount and unit per line or semicolon', () => {
    expect(readFeeComponents('Leges Rp10.000 per putusan; Meterai Rp 10.000')).toEqual({
      value: [
        { label: 'Leges', amount: 10000, unit: 'per_decision' },
        { label: 'Meterai', amount: 10000 },
      ],
    });
    expect(readFeeComponents('Leges sepuluh ribu')).toHaveProperty('error');
    expect(readFeeUnit('per kilo')).toHaveProperty('error');
  });
});
