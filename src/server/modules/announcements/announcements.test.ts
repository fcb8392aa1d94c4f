import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createTestMall, dialects, type TestMall } from '../../../../test/harness.js';
import { ClipRecordingList, VoiceManifest } from '../../../shared/contracts/announcements.js';
import { CLIP_VOCABULARY } from '../../../shared/domain/announcement-clips.js';
import { synthCacheDir } from './clip-cache.js';
import { SYNTH_VERSION } from './synth.js';
import { encodeWav, measure, parseWav } from './wav.js';

/** A short 440 Hz tone standing in for a recorded human clip. */
function toneWav(seconds: number): Buffer {
  const rate = 16000;
  const samples = new Int16Array(Math.round(seconds * rate));
  for (let i = 0; i < samples.length; i++)
    samples[i] = Math.round(Math.sin((2 * Math.PI * 440 * i) / rate) * 8000);
  return encodeWav({ sampleRate: rate, channels: 1, samples });
}

describe.each(dialects())('announcement clips on %s', (dialect) => {
  let t: TestMall;
  let admin: string;
  let officer: string;
  beforeAll(async () => {
    t = await createTestMall(dialect);
    admin = await t.login('admin');
    officer = await t.login('petugas');
  });
  afterAll(() => t.close());

  const url = (p: string) => `/api/v1/malls/${t.slug}/announcements${p}`;
  const get = (p: string, token?: string) =>
    t.app.inject({ method: 'GET', url: url(p), headers: token ? bearer(token) : {} });
  const upload = (key: string, body: Buffer | string, type: string, token: string | null = admin) =>
    t.app.inject({
      method: 'PUT',
      url: url(`/recordings/${key}`),
      payload: body,
      headers: { 'content-type': type, ...(token ? bearer(token) : {}) },
    });

  it('synthesises Indonesian words offline as non-silent WAV of a sensible length, cached for a year', async () => {
    for (const [key, min, max] of [
      ['tujuh', 0.2, 1.2],
      ['be', 0.1, 0.9],
      ['nomor-antrean', 0.5, 2.5],
      ['silakan-menuju-loket', 0.8, 3],
    ] as const) {
      const r = await get(`/clips/${key}.wav?v=${SYNTH_VERSION}`);
      expect(r.statusCode, key).toBe(200);
      expect(r.headers['content-type']).toBe('audio/wav');
      expect(r.headers['cache-control']).toContain('immutable');
      const pcm = parseWav(r.rawPayload);
      expect(pcm, key).not.toBeNull();
      const { seconds, rms } = measure(pcm!);
      expect(seconds, key).toBeGreaterThan(min);
      expect(seconds, key).toBeLessThan(max);
      expect(rms, key).toBeGreaterThan(0.02);
    }
    // Made once, then served from the disk cache under DATA_DIR.
    expect(fs.existsSync(path.join(synthCacheDir(t.ctx.config.DATA_DIR), 'tujuh.wav'))).toBe(true);
    // Without (or with an old) version the clip may change: a short cache only.
    expect((await get('/clips/tujuh.wav')).headers['cache-control']).toBe('public, max-age=60');
  });

  it('serves the chime and refuses words outside the vocabulary', async () => {
    const chime = await get('/clips/chime.wav');
    expect(chime.statusCode).toBe(200);
    expect(measure(parseWav(chime.rawPayload)!).seconds).toBeGreaterThan(1);
    const unknown = await get('/clips/dukcapil.wav');
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error.code).toBe('CLIP_NOT_FOUND');
    expect((await get('/clips/tujuh1.wav')).statusCode).toBe(400);
  });

  it('maps a spokenText to its clip sequence with versioned URLs', async () => {
    const r = await get(
      `/clips?spokenText=${encodeURIComponent('Nomor antrean be tujuh belas, silakan menuju loket tiga.')}`,
    );
    expect(r.statusCode).toBe(200);
    expect(r.json().clips).toEqual(['nomor-antrean', 'be', 'tujuh', 'belas', 'silakan-menuju-loket', 'tiga']);
    expect(r.json().urls[2]).toBe(url(`/clips/tujuh.wav?v=${SYNTH_VERSION}`));
  });

  it('mall admins upload recorded clips that override the synthesised ones; the rest are listed missing', async () => {
    expect((await upload('tiga', toneWav(0.6), 'audio/wav', null)).statusCode).toBe(401);
    expect((await upload('tiga', toneWav(0.6), 'audio/wav', officer)).statusCode).toBe(403);
    const wav = toneWav(0.6);
    const up = await upload('tiga', wav, 'audio/wav');
    expect(up.statusCode).toBe(200);
    const { version } = up.json();
    const manifest = VoiceManifest.parse((await get('/voice')).json());
    expect(manifest.voice).toBe('server');
    expect(manifest.recorded['tiga']).toEqual({ ext: 'wav', version });
    const served = await get(`/clips/tiga.wav?v=${version}`);
    expect(Buffer.compare(served.rawPayload, wav)).toBe(0);
    expect(served.headers['cache-control']).toContain('immutable');
    // The synthesised word stays reachable for comparison in the admin screen.
    expect(Buffer.compare((await get('/clips/tiga.wav?source=synth')).rawPayload, wav)).not.toBe(0);

    const mp3 = Buffer.concat([
      Buffer.from('ID3\x04\x00\x00\x00\x00\x00\x00', 'binary'),
      Buffer.alloc(400, 1),
    ]);
    expect((await upload('nomor-antrean', mp3, 'audio/mpeg')).statusCode).toBe(200);
    expect((await get('/clips/nomor-antrean.mp3')).headers['content-type']).toBe('audio/mpeg');

    const list = ClipRecordingList.parse((await get('/recordings', admin)).json());
    expect(list.clips.filter((c) => c.recorded).map((c) => c.key)).toEqual(['nomor-antrean', 'tiga']);
    expect(list.missing).toHaveLength(CLIP_VOCABULARY.length - 2);
    expect((await get('/recordings', officer)).statusCode).toBe(403);

    const del = await t.app.inject({
      method: 'DELETE',
      url: url('/recordings/tiga'),
      headers: bearer(admin),
    });
    expect(del.statusCode).toBe(204);
    expect(VoiceManifest.parse((await get('/voice')).json()).recorded['tiga']).toBeUndefined();
    expect((await get('/clips/tiga.wav')).headers['content-type']).toBe('audio/wav');
    const audit = await t.ctx.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('action', 'like', 'announcement_clip.%')
      .where('entity_id', '=', 'tiga')
      .orderBy('id')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['announcement_clip.upload', 'announcement_clip.delete']);
  });

  it('validates uploads: type by content, size, duration, known keys', async () => {
    const code = async (r: Promise<{ statusCode: number; json: () => { error: { code: string } } }>) => {
      const res = await r;
      return [res.statusCode, res.json().error.code];
    };
    expect(await code(upload('tiga', 'not audio at all, just text', 'audio/wav'))).toEqual([
      415,
      'UNSUPPORTED_MEDIA_TYPE',
    ]);
    // A WAV declared as MP3 is refused: the declared type must match the bytes.
    expect(await code(upload('tiga', toneWav(0.5), 'audio/mpeg'))).toEqual([415, 'UNSUPPORTED_MEDIA_TYPE']);
    expect((await upload('tiga', 'x', 'text/plain')).statusCode).toBe(415);
    expect(await code(upload('tiga', Buffer.alloc(0), 'audio/wav'))).toEqual([400, 'BAD_REQUEST']);
    expect((await upload('tiga', Buffer.alloc(600 * 1024, 1), 'audio/wav')).statusCode).toBe(413);
    expect(await code(upload('tiga', toneWav(9), 'audio/wav'))).toEqual([400, 'VALIDATION_FAILED']);
    expect(await code(upload('tiga', toneWav(0.01), 'audio/wav'))).toEqual([400, 'VALIDATION_FAILED']);
    expect(await code(upload('dukcapil', toneWav(0.5), 'audio/wav'))).toEqual([404, 'CLIP_NOT_FOUND']);
    // application/octet-stream is accepted and recognised by its bytes.
    expect((await upload('empat', toneWav(0.5), 'application/octet-stream')).json().contentType).toBe(
      'audio/wav',
    );
  });

  it("the voice setting is the mall admin's and reaches the displays", async () => {
    const put = (voice: string, token = admin) =>
      t.app.inject({ method: 'PUT', url: url('/settings'), payload: { voice }, headers: bearer(token) });
    expect((await put('browser', officer)).statusCode).toBe(403);
    expect((await put('robot')).statusCode).toBe(400);
    expect((await put('browser')).json()).toEqual({ voice: 'browser' });
    expect(VoiceManifest.parse((await get('/voice')).json()).voice).toBe('browser');
  });
});
