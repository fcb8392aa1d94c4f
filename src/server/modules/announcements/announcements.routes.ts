import { z } from 'zod';
import {
  AnnouncementSettings,
  AudioStatusReport,
  ClipRecording,
  ClipRecordingList,
  ClipSequence,
  DisplayAudioList,
  VoiceManifest,
} from '../../../shared/contracts/announcements.js';
import {
  CLIP_KEY,
  CLIP_KEY_MAX,
  clipUrl,
  spokenTextToClips,
} from '../../../shared/domain/announcement-clips.js';
import { requireDevice } from '../../auth/authenticate.js';
import { guard } from '../../auth/guard.js';
import type { AppContext } from '../../context.js';
import { AppError } from '../../errors.js';
import { type App, MallParams, NoContent } from '../../http.js';
import {
  clipAudio,
  listRecordings,
  MAX_CLIP_BYTES,
  removeRecording,
  setVoice,
  uploadRecording,
  voiceManifest,
} from './announcements.service.js';
import { listAudioStatuses, reportAudioStatus } from './audio-status.service.js';

const ClipFileParams = MallParams.extend({
  file: z
    .string()
    .max(CLIP_KEY_MAX + 4)
    .regex(/^[a-z-]+(\.(wav|mp3|ogg))?$/, 'a clip key, e.g. tujuh.wav'),
});
const ClipKeyParams = MallParams.extend({ key: z.string().max(CLIP_KEY_MAX).regex(CLIP_KEY) });
const AUDIO_TYPES = ['audio/wav', 'audio/x-wav', 'audio/wave', 'audio/mpeg', 'audio/mp3', 'audio/ogg'];
const YEAR = 365 * 24 * 3600;

/**
 * Announcement audio for the display boards (public: a board has no sign-in) and the mall's
 * recorded clips (mall admins). The upload parser lives in its own encapsulated plugin, so no other
 * route accepts audio bodies.
 */
export async function announcementsRoutes(app: App, ctx: AppContext): Promise<void> {
  app.get(
    '/api/v1/malls/:mall/announcements/voice',
    {
      config: { access: 'public', action: 'public.read' },
      schema: {
        tags: ['announcements'],
        summary: "The mall's voice setting and which clips it recorded (clip URLs carry their version)",
        params: MallParams,
        response: { 200: VoiceManifest },
      },
    },
    async (req) => voiceManifest(ctx, req.mall),
  );

  app.get(
    '/api/v1/malls/:mall/announcements/clips',
    {
      config: { access: 'public', action: 'public.read' },
      schema: {
        tags: ['announcements'],
        summary: 'The clip sequence a display plays for an announcement (after the chime)',
        params: MallParams,
        querystring: z.object({ spokenText: z.string().min(1).max(500) }),
        response: { 200: ClipSequence },
      },
    },
    async (req) => {
      const manifest = await voiceManifest(ctx, req.mall);
      const clips = spokenTextToClips(req.query.spokenText);
      return { clips, urls: clips.map((k) => clipUrl(manifest, k)) };
    },
  );

  app.get(
    '/api/v1/malls/:mall/announcements/clips/:file',
    {
      config: { access: 'public', action: 'public.read' },
      schema: {
        tags: ['announcements'],
        summary:
          'One announcement clip: the recording the mall uploaded, else the word synthesised offline ' +
          '(eSpeak NG, Indonesian) as WAV. ?source=synth plays the synthesised one.',
        params: ClipFileParams,
        querystring: z.object({
          v: z.string().max(64).optional(),
          source: z.enum(['synth']).optional(),
        }),
      },
    },
    async (req, reply) => {
      const mall = req.mall;
      const key = req.params.file.replace(/\.(wav|mp3|ogg)$/, '');
      const clip = await clipAudio(ctx, mall, key, req.query.source === 'synth');
      // A URL naming the current version never changes: a year, immutable. Otherwise (no or an old
      // version) a short cache, so a new upload reaches the boards within a minute.
      const pinned = req.query.v === clip.version;
      reply
        .header('content-type', clip.contentType)
        .header('cache-control', pinned ? `public, max-age=${YEAR}, immutable` : 'public, max-age=60')
        .header('etag', `"${clip.version}"`);
      return reply.send(clip.body);
    },
  );

  app.get(
    '/api/v1/malls/:mall/announcements/recordings',
    {
      config: { access: 'staff', action: 'announcements.manage' },
      schema: {
        tags: ['announcements'],
        summary: 'The announcement vocabulary with what the mall recorded and what is missing (mall admin)',
        params: MallParams,
        response: { 200: ClipRecordingList },
      },
    },
    async (req) => {
      const mall = req.mall;
      guard(req, 'announcements.manage', { mallId: mall.id });
      return listRecordings(ctx, mall);
    },
  );

  app.put(
    '/api/v1/malls/:mall/announcements/settings',
    {
      config: { access: 'staff', action: 'announcements.manage' },
      schema: {
        tags: ['announcements'],
        summary: 'How displays speak: server clips (default) or the browser voice where it has one',
        params: MallParams,
        body: AnnouncementSettings,
        response: { 200: AnnouncementSettings },
      },
    },
    async (req) => {
      const mall = req.mall;
      const actor = guard(req, 'announcements.manage', { mallId: mall.id });
      return setVoice(ctx, actor, mall, req.body.voice);
    },
  );

  app.delete(
    '/api/v1/malls/:mall/announcements/recordings/:key',
    {
      config: { access: 'staff', action: 'announcements.manage' },
      schema: {
        tags: ['announcements'],
        summary: 'Remove a recorded clip (the synthesised word is spoken again)',
        params: ClipKeyParams,
        response: { 204: NoContent },
      },
    },
    async (req, reply) => {
      const mall = req.mall;
      const actor = guard(req, 'announcements.manage', { mallId: mall.id });
      await removeRecording(ctx, actor, mall, req.params.key);
      return reply.status(204).send();
    },
  );

  app.put(
    '/api/v1/malls/:mall/announcements/audio-status',
    {
      // A paired display (device token), not a signed-in person.
      config: { access: 'device', action: 'device.self' },
      schema: {
        tags: ['announcements'],
        summary: 'A paired display reports whether it can be heard (device token)',
        params: MallParams,
        body: AudioStatusReport,
        response: { 204: NoContent },
      },
    },
    async (req, reply) => {
      const mall = req.mall;
      await reportAudioStatus(ctx, requireDevice(req), mall, req.body.status);
      return reply.status(204).send();
    },
  );

  app.get(
    '/api/v1/malls/:mall/announcements/audio-status',
    {
      config: { access: 'staff', action: 'announcements.manage' },
      schema: {
        tags: ['announcements'],
        summary: "The displays' last audio reports: which boards cannot be heard (mall admin)",
        params: MallParams,
        response: { 200: DisplayAudioList },
      },
    },
    async (req) => {
      const mall = req.mall;
      guard(req, 'announcements.manage', { mallId: mall.id });
      return { items: await listAudioStatuses(ctx, mall) };
    },
  );

  await app.register(async (scope: App) => {
    scope.addContentTypeParser(
      [...AUDIO_TYPES, 'application/octet-stream'],
      { parseAs: 'buffer', bodyLimit: MAX_CLIP_BYTES },
      (_req, body, done) => done(null, body),
    );
    scope.put(
      '/api/v1/malls/:mall/announcements/recordings/:key',
      {
        config: { access: 'staff', action: 'announcements.manage' },
        bodyLimit: MAX_CLIP_BYTES,
        schema: {
          tags: ['announcements'],
          summary: `Upload a recorded clip (mall admin). Body: the raw WAV, MP3 or OGG file, at most ${MAX_CLIP_BYTES / 1024} KB.`,
          params: ClipKeyParams,
          consumes: [...AUDIO_TYPES, 'application/octet-stream'],
          response: {
            200: ClipRecording.pick({ key: true, contentType: true, sizeBytes: true, version: true }),
          },
        },
        // Refuse strangers before the body is read.
        onRequest: async (req) => {
          const mall = req.mall;
          guard(req, 'announcements.manage', { mallId: mall.id });
        },
      },
      async (req) => {
        const mall = req.mall;
        const actor = guard(req, 'announcements.manage', { mallId: mall.id });
        if (!Buffer.isBuffer(req.body))
          throw new AppError(
            'UNSUPPORTED_MEDIA_TYPE',
            'Kirim berkas WAV, MP3 atau OGG sebagai isi permintaan (send the audio file as the body).',
          );
        return uploadRecording(ctx, actor, mall, req.params.key, req.body, req.headers['content-type']);
      },
    );
  });
}
