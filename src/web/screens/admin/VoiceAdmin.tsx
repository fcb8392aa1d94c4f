import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CHIME, clipText, clipUrl, spokenTextToClips } from '../../../shared/domain/announcement-clips';
import { spokenAnnouncement } from '../../../shared/domain/number-words';
import { api, type BodyOf } from '../../app/api';
import { errorText } from '../../app/errors';
import { useMall } from '../../app/mall';
import { useApi } from '../../app/useApi';
import { playClips, unlockAudio } from '../display/audio';
import { useAdmin } from './adminContext';
import { DisplayAudioPanel } from './DisplayAudioPanel';
import { FormStatus, useMutation } from './useMutation';

type Voice = BodyOf<'put', '/api/v1/malls/{mall}/announcements/settings'>['voice'];

const MAX_BYTES = 512 * 1024;
const ACCEPT = '.wav,.mp3,.ogg,audio/wav,audio/mpeg,audio/ogg';
const TYPE_BY_EXT: Record<string, string> = { wav: 'audio/wav', mp3: 'audio/mpeg', ogg: 'audio/ogg' };

/**
 * The displays' voice: server clips (synthesised offline, or recorded by the mall) or the browser's
 * own voice; one row per clip of the vocabulary to upload a human recording, hear it, or remove it.
 */
export function VoiceAdmin() {
  const { t } = useTranslation();
  const mall = useMall();
  const { token } = useAdmin();
  const at = { path: { mall: mall.slug } };
  const list = useApi('/api/v1/malls/{mall}/announcements/recordings', { params: at, token });
  const manifest = useApi('/api/v1/malls/{mall}/announcements/voice', { params: at });
  const clip = (key: string) => ({ path: { mall: mall.slug, key } });
  const m = useMutation();
  const [onlyMissing, setOnlyMissing] = useState(false);
  const [sample, setSample] = useState({ ticket: 'B-017', counter: 3 });
  const reload = () => {
    list.reload();
    manifest.reload();
  };

  const upload = async (key: string, file: File) => {
    if (file.size > MAX_BYTES) {
      m.setError(t('admin.voice.tooBig', { kb: MAX_BYTES / 1024 }));
      return;
    }
    const ext = file.name.toLowerCase().split('.').pop() ?? '';
    const contentType = TYPE_BY_EXT[ext] ?? (file.type || 'application/octet-stream');
    const ok = await m.run(
      (token) =>
        api.put('/api/v1/malls/{mall}/announcements/recordings/{key}', {
          params: clip(key),
          body: file,
          contentType,
          token,
        }),
      t('admin.voice.uploaded', { key: clipText(key) }),
    );
    if (ok) reload();
  };
  const remove = async (key: string) => {
    const ok = await m.run(
      (token) =>
        api.delete('/api/v1/malls/{mall}/announcements/recordings/{key}', { params: clip(key), token }),
      t('admin.voice.removed', { key: clipText(key) }),
    );
    if (ok !== null) reload();
  };
  const setVoice = async (voice: Voice) => {
    const body = { voice };
    if (
      await m.run((token) =>
        api.put('/api/v1/malls/{mall}/announcements/settings', { params: at, body, token }),
      )
    )
      reload();
  };
  const playSample = async () => {
    const mf = manifest.data ?? (await api.get('/api/v1/malls/{mall}/announcements/voice', { params: at }));
    await unlockAudio();
    let spoken: string;
    try {
      spoken = spokenAnnouncement(sample.ticket, sample.counter);
    } catch {
      m.setError(t('admin.voice.badSample'));
      return;
    }
    const keys = [CHIME, ...spokenTextToClips(spoken)];
    if (!(await playClips(keys.map((k) => clipUrl(mf, k))))) m.setError(t('admin.voice.sampleFailed'));
  };

  const data = list.data;
  const rows = data ? data.clips.filter((c) => !onlyMissing || !c.recorded) : [];
  return (
    <section aria-labelledby="voice-h" className="voice-admin">
      <h1 id="voice-h">{t('admin.section.voice')}</h1>
      <p>{t('admin.voice.lead')}</p>
      {list.error && <p className="alert">{errorText(t, list.error)}</p>}
      {data && (
        <>
          <fieldset className="card voice-choice radio-list">
            <legend>{t('admin.voice.setting')}</legend>
            {(['server', 'browser'] as const).map((v) => (
              <label key={v}>
                <input
                  type="radio"
                  name="voice"
                  checked={data.voice === v}
                  disabled={m.busy}
                  onChange={() => void setVoice(v)}
                />
                <span>
                  <strong>{t(`admin.voice.mode.${v}`)}</strong> — {t(`admin.voice.modeHelp.${v}`)}
                </span>
              </label>
            ))}
          </fieldset>
          <DisplayAudioPanel />
          <div className="card inline-form">
            <label className="field">
              <span>{t('admin.voice.sampleTicket')}</span>
              <input
                value={sample.ticket}
                maxLength={11}
                onChange={(e) => setSample((s) => ({ ...s, ticket: e.target.value }))}
              />
            </label>
            <label className="field">
              <span>{t('admin.voice.sampleCounter')}</span>
              <input
                type="number"
                min={0}
                max={9999}
                value={sample.counter}
                onChange={(e) => setSample((s) => ({ ...s, counter: Number(e.target.value) }))}
              />
            </label>
            <button type="button" className="btn" onClick={() => void playSample()}>
              ▶ {t('admin.voice.playSample')}
            </button>
          </div>
          <p>
            <strong>
              {t('admin.voice.summary', {
                recorded: data.clips.length - data.missing.length,
                total: data.clips.length,
              })}
            </strong>{' '}
            {data.missing.length > 0 && t('admin.voice.missingHelp', { count: data.missing.length })}
          </p>
          <label className="voice-check">
            <input type="checkbox" checked={onlyMissing} onChange={(e) => setOnlyMissing(e.target.checked)} />
            <span>{t('admin.voice.onlyMissing')}</span>
          </label>
          <FormStatus error={m.error} done={m.done} />
          <table className="table voice-table">
            <thead>
              <tr>
                <th scope="col">{t('admin.voice.col.clip')}</th>
                <th scope="col">{t('admin.voice.col.source')}</th>
                <th scope="col">{t('admin.voice.col.listen')}</th>
                <th scope="col">{t('admin.voice.col.upload')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((c) => (
                <tr key={c.key} data-clip={c.key}>
                  <td>
                    <strong>{c.key === CHIME ? t('admin.voice.chime') : clipText(c.key)}</strong>
                  </td>
                  <td>
                    {c.recorded ? (
                      <span className="chip chip-published">
                        {t('admin.voice.recorded', { kb: Math.ceil((c.sizeBytes ?? 0) / 1024) })}
                      </span>
                    ) : (
                      <span className="chip chip-warn">{t('admin.voice.synth')}</span>
                    )}
                  </td>
                  <td>
                    {manifest.data && (
                      // biome-ignore lint/a11y/useMediaCaption: a single spoken word; its text is the row's first cell
                      <audio controls preload="none" src={clipUrl(manifest.data, c.key)} />
                    )}
                  </td>
                  <td>
                    <div className="actions-cell">
                      <label className="btn btn-small btn-secondary file-btn">
                        {c.recorded ? t('admin.voice.replace') : t('admin.voice.upload')}
                        <input
                          type="file"
                          accept={ACCEPT}
                          className="sr-only"
                          aria-label={t('admin.voice.uploadOf', { key: clipText(c.key) })}
                          disabled={m.busy}
                          onChange={(e) => {
                            const f = e.target.files?.[0];
                            e.target.value = '';
                            if (f) void upload(c.key, f);
                          }}
                        />
                      </label>
                      {c.recorded && (
                        <button
                          type="button"
                          className="btn btn-small btn-secondary"
                          disabled={m.busy}
                          onClick={() => void remove(c.key)}
                        >
                          {t('common.delete')}
                        </button>
                      )}
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
