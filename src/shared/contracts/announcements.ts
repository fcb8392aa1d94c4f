import { z } from 'zod';

/** How displays speak a call: the server's word clips (default, works offline) or the browser's own voice. */
export const AnnouncementVoice = z.enum(['server', 'browser']);

/**
 * What a display needs to play calls with the server's clips: the mall's voice setting and, per
 * recorded clip, its file type and version (clips not listed are synthesised, version `synthVersion`).
 * Versions are part of the clip URLs, so clips can be cached for a year and still change on upload.
 */
export const VoiceManifest = z.object({
  voice: AnnouncementVoice,
  clipBase: z.string(),
  synthVersion: z.string(),
  recorded: z.record(z.string(), z.object({ ext: z.enum(['wav', 'mp3', 'ogg']), version: z.string() })),
});

export const AnnouncementSettings = z.object({ voice: AnnouncementVoice });

/** One key of the announcement vocabulary in the admin list: recorded by the mall or not. */
export const ClipRecording = z.object({
  key: z.string(),
  recorded: z.boolean(),
  contentType: z.string().nullable(),
  sizeBytes: z.number().nullable(),
  uploadedAt: z.string().nullable(),
  version: z.string().nullable(),
});

export const ClipRecordingList = z.object({
  voice: AnnouncementVoice,
  clips: z.array(ClipRecording),
  /** Vocabulary keys without a recording (they are spoken by the synthesised voice). */
  missing: z.array(z.string()),
});

/** The clip sequence of one announcement, as a display plays it (after the chime). */
export const ClipSequence = z.object({ clips: z.array(z.string()), urls: z.array(z.string()) });

export type VoiceManifestDto = z.infer<typeof VoiceManifest>;
export type ClipRecordingListDto = z.infer<typeof ClipRecordingList>;
export type AnnouncementVoiceValue = z.infer<typeof AnnouncementVoice>;

/**
 * Whether a display board can be heard: `blocked` — the browser holds sound until a touch (autoplay
 * policy); `clips-failed` — the announcement clips do not load; `no-audio` — no audio in the browser.
 */
export const DisplayAudioStatus = z.enum(['ok', 'blocked', 'clips-failed', 'no-audio']);
export const AudioStatusReport = z.strictObject({ status: DisplayAudioStatus });

/** A paired display's last audio report, for the admin (stale: no report for a while — off or offline). */
export const DisplayAudio = z.object({
  deviceId: z.number(),
  name: z.string(),
  status: DisplayAudioStatus,
  reportedAt: z.string(),
  stale: z.boolean(),
});
export const DisplayAudioList = z.object({ items: z.array(DisplayAudio) });
export type DisplayAudioDto = z.infer<typeof DisplayAudio>;
export type DisplayAudioStatusValue = z.infer<typeof DisplayAudioStatus>;
