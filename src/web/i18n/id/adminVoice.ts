/** Bahasa Indonesia: Admin — the displays' announcement voice and recorded clips. */
export const adminVoice = {
  lead: 'Layar memanggil nomor dengan klip suara dari server: kata-kata yang disintesis tanpa internet, atau rekaman suara petugas yang diunggah di sini (rekaman menggantikan suara sintesis untuk kata itu).',
  setting: 'Suara layar',
  mode: { server: 'Klip suara server', browser: 'Suara bawaan peramban' },
  modeHelp: {
    server: 'disarankan; bekerja di setiap PC layar tanpa internet.',
    browser:
      'hanya dipakai bila peramban layar memiliki suara Bahasa Indonesia; bila tidak ada, klip server yang diputar.',
  },
  sampleTicket: 'Contoh nomor',
  sampleCounter: 'Loket',
  playSample: 'Putar contoh panggilan',
  badSample: 'Nomor contoh tidak valid, contoh: B-017.',
  sampleFailed: 'Suara tidak dapat diputar di peramban ini.',
  summary: '{{recorded}} dari {{total}} klip sudah direkam.',
  missingHelp: '{{count}} klip belum direkam dan dibacakan oleh suara sintesis.',
  onlyMissing: 'Tampilkan hanya yang belum direkam',
  col: { clip: 'Klip', source: 'Sumber', listen: 'Dengarkan', upload: 'Rekaman' },
  chime: 'Bunyi "ding-dong"',
  recorded: 'Rekaman ({{kb}} KB)',
  synth: 'Suara sintesis',
  upload: 'Unggah…',
  replace: 'Ganti…',
  uploadOf: 'Unggah rekaman untuk "{{key}}" (WAV, MP3 atau OGG)',
  uploaded: 'Rekaman "{{key}}" disimpan.',
  removed: 'Rekaman "{{key}}" dihapus; suara sintesis dipakai lagi.',
  tooBig: 'Berkas terlalu besar: maksimal {{kb}} KB.',
};
