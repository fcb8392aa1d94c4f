/** English: the national calendar and a mall's closures. */
export const adminCalendar = {
  calendar: {
    lead: 'National holidays and cuti bersama (collective leave) apply to every mall. Each day is recorded with its legal source (the joint ministerial decree). A mall can add its own closures and choose to serve on cuti bersama days.',
    kind: {
      national_holiday: 'National holiday',
      cuti_bersama: 'Cuti bersama',
      local_closure: 'Mall closure',
    },
    source: 'Legal source',
    counts: '{{year}}: {{holidays}} national holidays, {{cuti}} days of cuti bersama.',
    addTitle: 'Add or change a national day',
    removed: 'National day removed.',
    empty: 'No holiday list for {{year}} yet. Import that year’s decree.',
    nextYearMissing:
      'The {{year}} list of national holidays and cuti bersama is not loaded. Working-day deadlines (SLA) and opening days in {{year}} are not right until the national admin imports the {{year}} decree.',
    importTitle: 'Import a yearly list (CSV/XLSX)',
    importLead:
      'Columns: tanggal (date: 2027-01-01 or 01/01/2027), jenis (kind: "libur nasional" or "cuti bersama"), nama (name), dasar hukum (legal source). All rows are valid or nothing is saved.',
    file: 'Holiday list file (CSV/XLSX)',
    dryRunOk:
      'Dry run passed (year {{years}}): {{created}} new, {{updated}} changed, {{unchanged}} unchanged. Nothing saved yet.',
    imported: 'Saved (year {{years}}): {{created}} new, {{updated}} changed, {{unchanged}} unchanged.',
  },
};
