import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { mallPath } from '../../app/api';
import { useMall } from '../../app/mall';
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

/** Retire or reactivate a named record by PATCHing `retired`, announcing it, then reloading the list. */
export function useSetRetired(
  m: ReturnType<typeof useMutation>,
  path: (id: number) => string,
  reload: () => void,
) {
  const { t } = useTranslation();
  const mall = useMall();
  return async (r: { id: number; name: string }, retired: boolean) => {
    const done = t(retired ? 'admin.retiredDone' : 'admin.reactivated', { name: r.name });
    const res = await m.send(mallPath(mall.slug, path(r.id)), { method: 'PATCH', body: { retired } }, done);
    if (res) reload();
  };
}
