import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export type Column = string | { label: string; className?: string };

/**
 * A list table: one header cell a column, then the (visually hidden) action column; the rows are
 * the children.
 */
export function DataTable({ columns, children }: { columns: Column[]; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <table className="table">
      <thead>
        <tr>
          {columns.map((c) => {
            const { label, className } = typeof c === 'string' ? { label: c, className: undefined } : c;
            return (
              <th key={label} scope="col" className={className}>
                {label}
              </th>
            );
          })}
          <th scope="col">
            <span className="sr-only">{t('admin.col.action')}</span>
          </th>
        </tr>
      </thead>
      <tbody>{children}</tbody>
    </table>
  );
}

/** The last cell of a row: its action buttons side by side. */
export function RowActions({ children }: { children: ReactNode }) {
  return (
    <td>
      <div className="actions-cell">{children}</div>
    </td>
  );
}

/** The small secondary button of a row action. */
export function SmallButton({
  label,
  children,
  disabled,
  onClick,
}: {
  label?: string;
  children: ReactNode;
  disabled?: boolean;
  onClick: () => void;
}) {
  return (
    <button
      type="button"
      className="btn btn-small btn-secondary"
      aria-label={label}
      disabled={disabled}
      onClick={onClick}
    >
      {children}
    </button>
  );
}

/** A row's "Edit" button; `label` names the record for screen readers where the text alone is vague. */
export function EditButton({ label, onClick }: { label?: string; onClick: () => void }) {
  const { t } = useTranslation();
  return (
    <SmallButton label={label} onClick={onClick}>
      {t('common.edit')}
    </SmallButton>
  );
}
