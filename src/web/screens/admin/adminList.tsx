import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { useMutation } from './useMutation';

/** The heading row of an admin section: its title (labelling the section by `id`) and its actions. */
export function SectionHead({ id, title, children }: { id: string; title: string; children?: ReactNode }) {
  return (
    <div className="section-head">
      <h1 id={id}>{title}</h1>
      {children}
    </div>
  );
}

/** Which record the inline form edits: none, a new one, or an existing one (keyed so it remounts). */
export function useEditing<T extends { id: number }>() {
  const [editing, setEditing] = useState<T | 'new' | null>(null);
  return {
    editing,
    isNew: editing === 'new',
    current: editing === 'new' ? null : editing,
    formKey: editing === 'new' ? 'new' : editing?.id,
    open: setEditing,
    close: () => setEditing(null),
  };
}

/**
 * Retire or reactivate a named record (`patch` PATCHes its `retired` with the staff token),
 * announcing it, then reloading the list.
 */
export function useSetRetired(
  m: ReturnType<typeof useMutation>,
  patch: (id: number, retired: boolean, token: string | null) => Promise<unknown>,
  reload: () => void,
) {
  const { t } = useTranslation();
  return async (r: { id: number; name: string }, retired: boolean) => {
    const done = t(retired ? 'admin.retiredDone' : 'admin.reactivated', { name: r.name });
    const res = await m.run((token) => patch(r.id, retired, token), done);
    if (res) reload();
  };
}
