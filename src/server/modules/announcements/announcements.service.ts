import { createHash } from 'node:crypto';
import type {
  AnnouncementVoiceValue,
  ClipRecordingListDto,
  VoiceManifestDto,
} from '../../../shared/contracts/announcements.js';
import { CLIP_VOCABULARY, inVocabulary } from '../../../shared/domain/announcement-clips.js';
import { appendAudit } from '../../audit/audit.js';
import type { Actor } from '../../auth/policy.js';
import type { AppContext } from '../../context.js';
import { inTransaction } from '../../db/tx.js';
import { AppError } from '../../errors.js';
import type { MallRecord } from '../malls/malls.service.js';
import * as repo from './announcements.repo.js';
import { recordedFromCache, rememberRecorded, synthClip } from './clip-cache.js';
import { SYNTH_VERSION } from './synth.js';
import { AUDIO_EXT, type AudioType, measure, parseWav, sniffAudio } from './wav.js';

/** A recorded word or phrase is small; anything bigger is a wrong file (a whole album, a video). */
export const MAX_CLIP_BYTES = 512 * 1024;
const MAX_CLIP_SECONDS = 8;

const clipNotFound = (key: string) =>
  new AppError('CLIP_NOT_FOUND', `Klip suara "${key}" tidak dikenal (unknown announcement clip).`);

const version = (sha: string) => sha.slice(0, 16);

export async function voiceOf(ctx: AppContext, mallId: number): Promise<AnnouncementVoiceValue> {
  return (await repo.voiceSetting(ctx.database.db, mallId)) === 'browser' ? 'browser' : 'server';
}

export async function voiceManifest(ctx: AppContext, mall: MallRecord): Promise<VoiceManifestDto> {
  const rows = await repo.recordings(ctx.database.db, mall.id);
  return {
    voice: await voiceOf(ctx, mall.id),
    clipBase: `/api/v1/malls/${mall.slug}/announcements/clips/`,
    synthVersion: SYNTH_VERSION,
    recorded: Object.fromEntries(
      rows
        .filter((r) => inVocabulary(r.clip_key))
        .map((r) => [
          r.clip_key,
          { ext: AUDIO_EXT[r.content_type as AudioType] ?? 'wav', version: version(r.sha256) },
        ]),
    ),
  } as VoiceManifestDto;
}

export interface ClipAudio {
  body: Buffer;
  contentType: string;
  version: string;
}

/** The audio a display plays for a key: the mall's recording, or the synthesised word. */
export async function clipAudio(
  ctx: AppContext,
  mall: MallRecord,
  key: string,
  synthesisedOnly = false,
): Promise<ClipAudio> {
  if (!inVocabulary(key)) throw clipNotFound(key);
  if (!synthesisedOnly) {
    const meta = await repo.recordingMeta(ctx.database.db, mall.id, key);
    if (meta) {
      let body = recordedFromCache(mall.id, key, meta.sha256);
      if (!body) {
        const row = await repo.recordingAudio(ctx.database.db, mall.id, key);
        // Deleted between the two reads: fall through to the synthesised word.
        if (row) {
          body = Buffer.from(row.audio);
          rememberRecorded(mall.id, key, row.sha256, body);
        }
      }
      if (body) return { body, contentType: meta.content_type, version: version(meta.sha256) };
    }
  }
  return {
    // Tests make a data directory per mall: warming each would only burn CPU.
    body: await synthClip(ctx.config.DATA_DIR, key, ctx.config.NODE_ENV !== 'test'),
    contentType: 'audio/wav',
    version: SYNTH_VERSION,
  };
}

export async function listRecordings(ctx: AppContext, mall: MallRecord): Promise<ClipRecordingListDto> {
  const rows = new Map((await repo.recordings(ctx.database.db, mall.id)).map((r) => [r.clip_key, r]));
  const clips = CLIP_VOCABULARY.map((key) => {
    const r = rows.get(key);
    return {
      key,
      recorded: !!r,
      contentType: r?.content_type ?? null,
      sizeBytes: r ? Number(r.size_bytes) : null,
      uploadedAt: r?.uploaded_at ?? null,
      version: r ? version(r.sha256) : null,
    };
  });
  return {
    voice: await voiceOf(ctx, mall.id),
    clips,
    missing: clips.filter((c) => !c.recorded).map((c) => c.key),
  };
}

/** Checks an upload is audio of a kind browsers play, and that a WAV is a short clip. */
export function checkUpload(body: Buffer, declared: string | undefined): AudioType {
  if (body.length === 0) throw new AppError('BAD_REQUEST', 'Berkas suara kosong (empty audio file).');
  if (body.length > MAX_CLIP_BYTES)
    throw new AppError(
      'PAYLOAD_TOO_LARGE',
      `Berkas suara terlalu besar: maksimal ${MAX_CLIP_BYTES / 1024} KB (audio file too large).`,
    );
  const type = sniffAudio(body);
  const claimed = declared?.split(';')[0]?.trim().toLowerCase();
  const alias: Record<string, AudioType> = {
    'audio/wav': 'audio/wav',
    'audio/x-wav': 'audio/wav',
    'audio/wave': 'audio/wav',
    'audio/mpeg': 'audio/mpeg',
    'audio/mp3': 'audio/mpeg',
    'audio/ogg': 'audio/ogg',
  };
  const claimedType = claimed && claimed !== 'application/octet-stream' ? alias[claimed] : undefined;
  if (!type || (claimed && claimed !== 'application/octet-stream' && claimedType !== type))
    throw new AppError(
      'UNSUPPORTED_MEDIA_TYPE',
      'Unggah berkas WAV, MP3 atau OGG (upload a WAV, MP3 or OGG file).',
    );
  if (type === 'audio/wav') {
    const pcm = parseWav(body);
    const seconds = pcm ? measure(pcm).seconds : 0;
    if (pcm && (seconds < 0.05 || seconds > MAX_CLIP_SECONDS))
      throw new AppError(
        'VALIDATION_FAILED',
        `Durasi klip harus 0,05–${MAX_CLIP_SECONDS} detik (clip duration out of range): ${seconds.toFixed(2)} s.`,
      );
  }
  return type;
}

export async function uploadRecording(
  ctx: AppContext,
  actor: Actor,
  mall: MallRecord,
  key: string,
  body: Buffer,
  declaredType: string | undefined,
) {
  if (!inVocabulary(key)) throw clipNotFound(key);
  const contentType = checkUpload(body, declaredType);
  const sha256 = createHash('sha256').update(body).digest('hex');
  const at = ctx.now().toISOString();
  await inTransaction(ctx.database.db, async (tx) => {
    await repo.upsertRecording(tx.db, {
      mall_id: mall.id,
      clip_key: key,
      content_type: contentType,
      audio: body,
      size_bytes: body.length,
      sha256,
      uploaded_by: actor.id,
      uploaded_at: at,
    });
    await appendAudit(tx, {
      mallId: mall.id,
      actorId: actor.id,
      action: 'announcement_clip.upload',
      entity: 'announcement_clip',
      entityId: key,
      after: { contentType, sizeBytes: body.length, sha256 },
      at,
    });
  });
  return { key, contentType, sizeBytes: body.length, version: version(sha256) };
}

export async function removeRecording(ctx: AppContext, actor: Actor, mall: MallRecord, key: string) {
  if (!inVocabulary(key)) throw clipNotFound(key);
  const at = ctx.now().toISOString();
  await inTransaction(ctx.database.db, async (tx) => {
    if (!(await repo.deleteRecording(tx.db, mall.id, key)))
      throw new AppError('CLIP_NOT_FOUND', `Klip "${key}" belum direkam (no recording for this clip).`);
    await appendAudit(tx, {
      mallId: mall.id,
      actorId: actor.id,
      action: 'announcement_clip.delete',
      entity: 'announcement_clip',
      entityId: key,
      at,
    });
  });
}

export async function setVoice(
  ctx: AppContext,
  actor: Actor,
  mall: MallRecord,
  voice: AnnouncementVoiceValue,
) {
  const at = ctx.now().toISOString();
  await inTransaction(ctx.database.db, async (tx) => {
    const before = await repo.voiceSetting(tx.db, mall.id);
    await repo.setVoiceSetting(tx.db, mall.id, voice, at);
    await appendAudit(tx, {
      mallId: mall.id,
      actorId: actor.id,
      action: 'announcement_settings.update',
      entity: 'mall',
      entityId: mall.id,
      before: { voice: before ?? 'server' },
      after: { voice },
      at,
    });
  });
  return { voice };
}
