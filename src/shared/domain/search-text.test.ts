import { describe, expect, it } from 'vitest';
import { buildSearchText, matchesQuery, normalizeText } from './search-text.js';

describe('search text', () => {
  it('ignores case and diacritics', () => {
    expect(normalizeText('Pèrpanjangan  SIM-A')).toBe('perpanjangan sim a');
  });
  it('expands abbreviations both ways', () => {
    const t = buildSearchText(['Penerbitan Surat Keterangan Catatan Kepolisian']);
    expect(matchesQuery(t, 'SKCK')).toBe(true);
    expect(matchesQuery(buildSearchText(['Pembuatan KTP']), 'kartu tanda')).toBe(true);
  });
  it('needs every query word', () => {
    const t = buildSearchText(['Perpanjangan SIM A']);
    expect(matchesQuery(t, 'sim perpanjangan')).toBe(true);
    expect(matchesQuery(t, 'sim paspor')).toBe(false);
  });
});
