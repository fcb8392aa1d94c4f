import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AdminForm, Field } from './FormParts';

/**
 * A key or secret the server shows only once: in full, with a copy button and the warning that it
 * cannot be shown again (only its hash, or the signing copy, stays on the server).
 */
export function ShownOnce({
  title,
  value,
  testId,
  onClose,
}: {
  title: string;
  value: string;
  testId: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [copied, setCopied] = useState<boolean | null>(null);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
      setCopied(true);
    } catch {
      // No clipboard (plain HTTP on a LAN address): the admin selects the text instead.
      setCopied(false);
    }
  };
  return (
    <section className="card shown-once" aria-labelledby={`${testId}-h`}>
      <h3 id={`${testId}-h`}>{title}</h3>
      <p className="alert" role="note">
        {t('admin.integrations.onceWarning')}
      </p>
      <p className="shown-once-value mono break-all" data-testid={testId}>
        {value}
      </p>
      <div className="actions-cell">
        <button type="button" className="btn btn-small" onClick={() => void copy()}>
          {t('admin.integrations.copy')}
        </button>
        <button type="button" className="btn btn-small btn-secondary" onClick={onClose}>
          {t('admin.integrations.savedIt')}
        </button>
        <span aria-live="polite" className="small">
          {copied === true && t('admin.integrations.copied')}
          {copied === false && t('admin.integrations.copyFailed')}
        </span>
      </div>
    </section>
  );
}

/** Checkboxes over a closed list, each with its explanation. */
export function CheckList<O extends string>({
  legend,
  options,
  chosen,
  onChange,
  describe,
}: {
  legend: string;
  options: readonly O[];
  chosen: O[];
  onChange: (next: O[]) => void;
  describe: (option: O) => string;
}) {
  return (
    <fieldset className="span-2 check-list">
      <legend>{legend}</legend>
      {options.map((o) => (
        <label key={o} className="check">
          <input
            type="checkbox"
            checked={chosen.includes(o)}
            onChange={() => onChange(chosen.includes(o) ? chosen.filter((x) => x !== o) : [...chosen, o])}
          />{' '}
          <span className="mono">{o}</span> — {describe(o)}
        </label>
      ))}
    </fieldset>
  );
}

export function ApiKeyForm<S extends string>({
  scopes,
  busy,
  onSave,
  onCancel,
}: {
  scopes: readonly S[];
  busy: boolean;
  onSave: (name: string, scopes: S[]) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [chosen, setChosen] = useState<S[]>([]);
  const [problem, setProblem] = useState(false);
  return (
    <AdminForm
      title={t('admin.integrations.createKey')}
      busy={busy}
      onCancel={onCancel}
      onSubmit={() => {
        setProblem(chosen.length === 0);
        if (chosen.length) onSave(name, chosen);
      }}
    >
      <Field label={t('admin.integrations.name')} wide>
        <input
          required
          maxLength={120}
          value={name}
          placeholder={t('admin.integrations.namePlaceholder')}
          onChange={(e) => setName(e.target.value)}
        />
      </Field>
      <CheckList
        legend={t('admin.integrations.scopes')}
        options={scopes}
        chosen={chosen}
        onChange={setChosen}
        describe={(s) => t(`admin.integrations.scope.${s.replace('.', '_')}`)}
      />
      {problem && <p className="alert span-2">{t('admin.integrations.pickScope')}</p>}
    </AdminForm>
  );
}
