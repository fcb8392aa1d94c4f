/** Bahasa Indonesia: pairing a kiosk or display with the mall. */
export const device = {
  kioskTitle: 'Kios ini belum dipasangkan',
  displayTitle: 'Layar ini belum dipasangkan',
  explain:
    'Admin mal membuat perangkat di layar Admin → Perangkat. Ketik kode pemasangan yang tampil di sana, atau buka tautan pemasangannya di perangkat ini.',
  codeLabel: 'Kode pemasangan',
  codePlaceholder: 'mis. K7PM Q2XD',
  pair: 'Pasangkan',
  pairing: 'Memasangkan…',
  checking: 'Memeriksa perangkat…',
  errors: {
    PAIRING_CODE_INVALID: 'Kode tidak dikenal. Periksa kembali kode dari layar admin.',
    PAIRING_CODE_USED: 'Kode ini sudah dipakai. Minta kode baru kepada admin mal.',
    PAIRING_CODE_EXPIRED: 'Kode sudah kedaluwarsa (berlaku 15 menit). Minta kode baru kepada admin mal.',
    REVOKED: 'Perangkat ini dicabut oleh admin mal. Pasangkan lagi dengan kode baru.',
    WRONG_DEVICE: 'Kode ini untuk perangkat atau mal lain. Minta kode untuk perangkat ini.',
    NETWORK: 'Server tidak dapat dihubungi. Periksa jaringan lalu coba lagi.',
    other: 'Pemasangan gagal. Coba lagi atau hubungi admin mal.',
  },
};
