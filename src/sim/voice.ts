import type { Rng } from '../server/modules/stats/simulate.random.js';
import { surveyAnswers } from './citizens.js';
import type { SimClient } from './client.js';

/** A day's online bookings and the citizens' voice, as the simulator counted them. */
export interface CitizenLog {
  bookings: { booked: number; turnedAway: number; checkedIn: number };
  /** Every questionnaire sent (element code → score), to compute the IKM independently. */
  surveys: Record<string, number>[];
  complaints: number;
}

export const newCitizenLog = (booked: number, turnedAway: number): CitizenLog => ({
  bookings: { booked, turnedAway, checkedIn: 0 },
  surveys: [],
  complaints: 0,
});

export interface Visit {
  trackingCode: string;
  ip: string;
  serviceId: number;
  waitedMinutes: number;
}

/** The SKM questionnaire on the citizen's phone, from the finished ticket's page (channel `ticket`). */
export async function answerSurvey(
  api: SimClient,
  base: string,
  v: Visit,
  codes: string[],
  rng: Rng,
  log: CitizenLog,
): Promise<void> {
  const answers = surveyAnswers(rng, codes, v.waitedMinutes);
  await api.call('POST', `${base}/surveys`, {
    ip: v.ip,
    body: { serviceId: v.serviceId, ticketTrackingCode: v.trackingCode, channel: 'ticket', answers },
    expect: [201],
  });
  log.surveys.push(answers);
}

/** A complaint about the visit from the portal, linked to the ticket (its service and counter). */
export async function complain(api: SimClient, base: string, v: Visit, log: CitizenLog): Promise<void> {
  const long = v.waitedMinutes > 60;
  await api.call('POST', `${base}/complaints`, {
    ip: v.ip,
    body: {
      type: 'complaint',
      title: long ? 'Antrean terlalu lama' : 'Pelayanan kurang jelas',
      body: long
        ? `Saya menunggu ${Math.round(v.waitedMinutes)} menit sampai dipanggil. Mohon tambah petugas pada jam sibuk.`
        : 'Petugas kurang menjelaskan persyaratan yang masih kurang. Mohon informasi dibuat lebih jelas.',
      ticketTrackingCode: v.trackingCode,
    },
    expect: [201],
  });
  log.complaints++;
}
