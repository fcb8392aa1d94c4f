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
  };
}
