import type { MessageEvent, MessageLocale } from '../../../shared/contracts/outbox.js';

/**
 * The wording used until a mall writes its own: short, for a WhatsApp or SMS screen, Bahasa
 * Indonesia first. `subject` is for e-mail only.
 */
export const DEFAULT_TEMPLATES: Record<
  MessageEvent,
  Record<MessageLocale, { subject: string; text: string }>
> = {
  'ticket.near': {
    id: {
      subject: 'Giliran Anda segera tiba — {{number}}',
      text: 'Nomor antrean {{number}} ({{service}}) — tinggal {{ahead}} orang lagi sebelum giliran Anda di {{mall}}. Pantau: {{ticketUrl}}',
    },
    en: {
      subject: 'Your turn is near — {{number}}',
      text: 'Queue number {{number}} ({{service}}) — {{ahead}} more before your turn at {{mall}}. Follow it: {{ticketUrl}}',
    },
  },
  'ticket.called': {
    id: {
      subject: 'Nomor {{number}} dipanggil',
      text: 'Nomor {{number}}, silakan menuju {{counter}}.',
    },
    en: {
      subject: 'Number {{number}} is called',
      text: 'Number {{number}}, please go to {{counter}}.',
    },
  },
  'webhook.disabled': {
    id: {
      subject: 'Webhook dinonaktifkan — {{mall}}',
      text: 'Webhook ke {{webhookUrl}} di {{mall}} dinonaktifkan setelah {{failures}} pengiriman gagal. Periksa penerimanya, lalu aktifkan lagi di panel admin: {{adminUrl}}',
    },
    en: {
      subject: 'Webhook disabled — {{mall}}',
      text: 'The webhook to {{webhookUrl}} at {{mall}} was disabled after {{failures}} failed deliveries. Check the receiver, then enable it again in the admin panel: {{adminUrl}}',
    },
  },
  'application.status': {
    id: {
      subject: 'Permohonan {{trackingCode}}: {{status}}',
      text: 'Permohonan {{service}} Anda ({{trackingCode}}) di {{mall}}: {{status}}. {{note}} Target selesai {{dueDate}}. Pantau: {{trackUrl}}',
    },
    en: {
      subject: 'Application {{trackingCode}}: {{status}}',
      text: 'Your {{service}} application ({{trackingCode}}) at {{mall}}: {{status}}. {{note}} Due {{dueDate}}. Follow it: {{trackUrl}}',
    },
  },
  'complaint.received': {
    id: {
      subject: 'Laporan Anda diterima — {{trackingCode}}',
      text: '{{mall}} menerima laporan Anda "{{title}}". Kode pelacakan: {{trackingCode}}. Laporan diteruskan ke instansi paling lambat {{dueDate}}. Pantau: {{complaintUrl}}',
    },
    en: {
      subject: 'Your report was received — {{trackingCode}}',
      text: '{{mall}} received your report "{{title}}". Tracking code: {{trackingCode}}. It will be passed to the agency by {{dueDate}}. Follow it: {{complaintUrl}}',
    },
  },
  'complaint.answered': {
    id: {
      subject: 'Laporan {{trackingCode}} sudah dijawab',
      text: '{{agency}} menjawab laporan Anda "{{title}}". Baca jawabannya, balas atau nyatakan selesai: {{complaintUrl}}',
    },
    en: {
      subject: 'Report {{trackingCode}} was answered',
      text: '{{agency}} answered your report "{{title}}". Read the answer, reply or accept it: {{complaintUrl}}',
    },
  },
  'complaint.overdue': {
    id: {
      subject: 'Pengaduan melewati batas waktu — {{mall}}',
      text: 'Pengaduan "{{title}}" ({{agency}}) melewati batas waktu {{deadline}} ({{dueDate}}). Tindak lanjuti di meja pengaduan: {{adminUrl}}',
    },
    en: {
      subject: 'Complaint overdue — {{mall}}',
      text: 'The complaint "{{title}}" ({{agency}}) is past its {{deadline}} deadline ({{dueDate}}). Follow it up on the complaint desk: {{adminUrl}}',
    },
  },
  'booking.confirmed': {
    id: {
      subject: 'Pemesanan {{code}} — {{service}}',
      text: 'Pemesanan Anda di {{mall}}: {{service}}, {{date}} sesi {{session}}. Kode: {{code}}. Datang paling cepat 30 menit sebelum sesi dan lapor di kios "Saya sudah pesan". Lihat/ubah: {{bookingUrl}}',
    },
    en: {
      subject: 'Booking {{code}} — {{service}}',
      text: 'Your booking at {{mall}}: {{service}}, {{date}} session {{session}}. Code: {{code}}. Come at most 30 minutes before the session and check in at the kiosk. View/change: {{bookingUrl}}',
    },
  },
  'booking.reminder': {
    id: {
      subject: 'Besok: {{service}} di {{mall}}',
      text: 'Pengingat: besok {{date}} sesi {{session}}, {{service}} di {{mall}}. Kode {{code}}. Batal/ubah: {{bookingUrl}}',
    },
    en: {
      subject: 'Tomorrow: {{service}} at {{mall}}',
      text: 'Reminder: tomorrow {{date}} session {{session}}, {{service}} at {{mall}}. Code {{code}}. Cancel/change: {{bookingUrl}}',
    },
  },
  'booking.soon': {
    id: {
      subject: 'Dua jam lagi: {{service}}',
      text: 'Sesi {{session}} hari ini untuk {{service}} di {{mall}} mulai dua jam lagi. Tunjukkan kode {{code}} di kios.',
    },
    en: {
      subject: 'In two hours: {{service}}',
      text: 'Your session {{session}} today for {{service}} at {{mall}} starts in two hours. Show code {{code}} at the kiosk.',
    },
  },
  'booking.cancelled': {
    id: {
      subject: 'Pemesanan {{code}} dibatalkan',
      text: 'Pemesanan {{code}} ({{service}}, {{date}} sesi {{session}}) di {{mall}} telah dibatalkan.',
    },
    en: {
      subject: 'Booking {{code}} cancelled',
      text: 'Booking {{code}} ({{service}}, {{date}} session {{session}}) at {{mall}} has been cancelled.',
    },
  },
  'booking.closed': {
    id: {
      subject: 'Sesi ditutup — {{service}}',
      text: 'Mohon maaf, {{mall}} menutup {{service}} pada {{date}} sesi {{session}}: {{reason}}. Pemesanan {{code}} batal; silakan pesan hari lain: {{bookingUrl}}',
    },
    en: {
      subject: 'Session closed — {{service}}',
      text: 'We are sorry: {{mall}} closed {{service}} on {{date}} session {{session}}: {{reason}}. Booking {{code}} is void; please book another day: {{bookingUrl}}',
    },
  },
  'booking.holiday': {
    id: {
      subject: 'Hari libur pada {{date}}',
      text: '{{date}} ditetapkan sebagai hari libur ({{reason}}); {{mall}} tutup. Pemesanan {{code}} ({{service}}) tidak dapat dilayani; silakan pindah jadwal: {{bookingUrl}}',
    },
    en: {
      subject: 'Holiday on {{date}}',
      text: '{{date}} has become a holiday ({{reason}}); {{mall}} is closed. Booking {{code}} ({{service}}) cannot be served; please reschedule: {{bookingUrl}}',
    },
  },
};

/** Values the preview fills in, so an admin sees a message as a citizen would. */
export function sampleValues(
  locale: MessageLocale,
  mall: { name: string; slug: string },
  publicUrl: string,
): Record<string, string> {
  const en = locale === 'en';
  return {
    number: 'A-012',
    service: 'Penerbitan KTP-el',
    ahead: '3',
    counter: en ? 'Counter 3' : 'Loket 3',
    mall: mall.name,
    ticketUrl: `${publicUrl}/${mall.slug}/ticket/CONTOH`,
    webhookUrl: 'https://aplikasi.example.go.id/webhook',
    failures: '5',
    adminUrl: `${publicUrl}/${mall.slug}/admin`,
    trackingCode: 'P7K2M9Q4XA',
    status: en ? 'needs correction' : 'perlu perbaikan',
    dueDate: en ? '10 December 2026' : '10 Desember 2026',
    note: en ? 'Please bring the original family card.' : 'Mohon bawa Kartu Keluarga asli.',
    trackUrl: `${publicUrl}/${mall.slug}/track/P7K2M9Q4XA`,
    title: en ? 'Queue too long' : 'Antrean terlalu lama',
    agency: 'Dinas Kependudukan dan Pencatatan Sipil',
    deadline: en ? 'dispatch' : 'penerusan',
    complaintUrl: `${publicUrl}/${mall.slug}/complaints/P7K2M9Q4XA`,
    code: 'K7M2P9QX',
    date: en ? '3 December 2026' : '3 Desember 2026',
    session: '08:00–10:00',
    bookingUrl: `${publicUrl}/${mall.slug}/booking/K7M2P9QX`,
    reason: en ? 'Cuti bersama' : 'Cuti bersama',
  };
}
