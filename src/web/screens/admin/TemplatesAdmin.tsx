import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TEMPLATE_LIMITS } from '../../../shared/contracts/outbox';
import { ApiError, api, isAbort } from '../../app/api';
import { errorText } from '../../app/errors';
import { useMall } from '../../app/mall';
import type { MessageTemplate, RenderedMessage } from '../../app/types';
import { useApi } from '../../app/useApi';
import { useAdmin } from './adminContext';
import { SectionHead } from './adminList';
import { Field } from './FormParts';
import { FormStatus, useMutation } from './useMutation';

const keyOf = (x: { event: string; locale: string }) => `${x.event}/${x.locale}`;

/**
 * "Templat pesan": the wording of each outgoing message per event and language, edited with a live
 * preview the server renders with sample values (so an unknown placeholder shows at once, with the
 * server's own rule), saved or reset to the default.
 */
export function TemplatesAdmin() {
  const { t } = useTranslation();
  const mall = useMall();
  const { token, may } = useAdmin();
  const list = useApi(
    '/api/v1/malls/{mall}/message-templates',
    { params: { path: { mall: mall.slug } }, token },
    { keepPrevious: true },
  );
  const [selected, setSelected] = useState('ticket.near/id');
  const current = list.data?.items.find((x) => keyOf(x) === selected) ?? null;

  return (
    <section aria-labelledby="tpl-h" className="templates-admin">
      <SectionHead id="tpl-h" title={t('admin.section.templates')} />
      <p className="muted small">{t('admin.templates.lead')}</p>
      <nav className="year-tabs template-list" aria-label={t('admin.templates.event')}>
        {list.data?.items.map((x) => (
          <button
            key={keyOf(x)}
            type="button"
            className={`btn btn-small template-tab ${keyOf(x) === selected ? '' : 'btn-secondary'}`}
            aria-pressed={keyOf(x) === selected}
            onClick={() => setSelected(keyOf(x))}
          >
            {t(`admin.templates.events.${x.event.replace('.', '_')}`)} · {x.locale.toUpperCase()}
            <span className={`chip template-chip ${x.custom ? 'chip-outbox-pending' : ''}`}>
              {x.custom ? t('admin.templates.custom') : t('admin.templates.standard')}
            </span>
          </button>
        ))}
      </nav>
      {current && (
        <TemplateEditor
          key={selected}
          template={current}
          canEdit={may('outbox.manage')}
          onSaved={() => list.reload()}
        />
      )}
    </section>
  );
}

function TemplateEditor({
  template,
  canEdit,
  onSaved,
}: {
  template: MessageTemplate;
  canEdit: boolean;
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const mall = useMall();
  const m = useMutation();
  const [subject, setSubject] = useState(template.subject);
  const [text, setText] = useState(template.text);
  const textRef = useRef<HTMLTextAreaElement>(null);
  const preview = usePreview(template, subject, text);
  const params = { path: { mall: mall.slug, event: template.event, locale: template.locale } };

  const insert = (name: string) => {
    const el = textRef.current;
    const token = `{{${name}}}`;
    const at = el ? el.selectionStart : text.length;
    const end = el ? el.selectionEnd : text.length;
    setText(text.slice(0, at) + token + text.slice(end));
    requestAnimationFrame(() => {
      el?.focus();
      el?.setSelectionRange(at + token.length, at + token.length);
    });
  };
  const save = async () => {
    const ok = await m.run(
      (token) =>
        api.put('/api/v1/malls/{mall}/message-templates/{event}/{locale}', {
          params,
          body: { subject, text },
          token,
        }),
      t('admin.templates.saved'),
    );
    if (ok) onSaved();
  };
  const reset = async () => {
    const back = await m.run(
      (token) => api.delete('/api/v1/malls/{mall}/message-templates/{event}/{locale}', { params, token }),
      t('admin.templates.resetDone'),
    );
    if (back) {
      setSubject(back.subject);
      setText(back.text);
      onSaved();
    }
  };

  return (
    <div className="template-grid">
      <form
        className="card"
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <h2>
          {t(`admin.templates.events.${template.event.replace('.', '_')}`)} —{' '}
          {t(`admin.templates.locales.${template.locale}`)}
        </h2>
        <Field label={t('admin.templates.subject')} wide>
          <input
            value={subject}
            maxLength={TEMPLATE_LIMITS.subject}
            readOnly={!canEdit}
            onChange={(e) => setSubject(e.target.value)}
          />
        </Field>
        <Field label={t('admin.templates.text')} wide>
          <textarea
            ref={textRef}
            value={text}
            maxLength={TEMPLATE_LIMITS.text}
            readOnly={!canEdit}
            onChange={(e) => setText(e.target.value)}
          />
        </Field>
        <p className="small muted">{t('admin.templates.chars', { n: text.length })}</p>
        {canEdit && (
          <>
            <p className="small">{t('admin.templates.placeholders')}</p>
            <div className="placeholder-chips">
              {template.placeholders.map((p) => (
                <button
                  key={p}
                  type="button"
                  className="btn btn-small btn-secondary placeholder-chip"
                  aria-label={t('admin.templates.insert', { name: p })}
                  onClick={() => insert(p)}
                >
                  {`{{${p}}}`}
                </button>
              ))}
            </div>
          </>
        )}
        <FormStatus error={m.error} done={m.done} />
        {canEdit && (
          <div className="form-actions">
            <button type="submit" className="btn" disabled={m.busy || preview.invalid}>
              {t('admin.templates.save')}
            </button>
            {template.custom && (
              <button
                type="button"
                className="btn btn-secondary"
                disabled={m.busy}
                onClick={() => void reset()}
              >
                {t('admin.templates.reset')}
              </button>
            )}
          </div>
        )}
      </form>
      <section className="card" aria-labelledby="preview-h" aria-live="polite">
        <h2 id="preview-h">{t('admin.templates.preview')}</h2>
        <p className="small muted">{t('admin.templates.previewLead')}</p>
        {preview.error && <p className="alert">{preview.error}</p>}
        {preview.result && !preview.error && (
          <div className="message-bubble" data-testid="template-preview">
            {preview.result.subject && <div className="message-subject">{preview.result.subject}</div>}
            {preview.result.text}
          </div>
        )}
      </section>
    </div>
  );
}

/** The server's rendering of the draft with sample values, asked again 250 ms after each change. */
function usePreview(template: MessageTemplate, subject: string, text: string) {
  const { t } = useTranslation();
  const mall = useMall();
  const { token } = useAdmin();
  const [result, setResult] = useState<RenderedMessage | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    const ctl = new AbortController();
    const timer = setTimeout(() => {
      api
        .post('/api/v1/malls/{mall}/message-templates/preview', {
          params: { path: { mall: mall.slug } },
          body: { event: template.event, locale: template.locale, subject, text },
          token,
          signal: ctl.signal,
        })
        .then((r) => {
          setResult(r);
          setError(null);
        })
        .catch((err: unknown) => {
          if (isAbort(err)) return;
          const unknown =
            (err instanceof ApiError && (err.details as { unknown?: string[] } | undefined)?.unknown) || [];
          setError(
            unknown.length
              ? t('admin.templates.unknown', {
                  list: unknown
                    .map((u) => (u.startsWith('{') || u.startsWith('}') ? u : `{{${u}}}`))
                    .join(', '),
                  interpolation: { escapeValue: false },
                })
              : errorText(t, err),
          );
        });
    }, 250);
    return () => {
      clearTimeout(timer);
      ctl.abort();
    };
  }, [mall.slug, token, template.event, template.locale, subject, text, t]);
  return { result, error, invalid: error !== null };
}
