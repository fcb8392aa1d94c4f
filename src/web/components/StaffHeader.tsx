import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useMall } from '../app/mall';
import { BrandMark } from './BrandMark';
import { LangSwitch } from './LangSwitch';

/**
 * The top bar of a staff screen: brand and title for this mall; once signed in, who is signed in,
 * any extra buttons (`children`) and Log out; then the language switch.
 */
export function StaffHeader({
  title,
  signedInAs,
  onLogout,
  children,
}: {
  title: string;
  /** Who is signed in, or null before sign-in. */
  signedInAs: ReactNode | null;
  onLogout: () => void;
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  const mall = useMall();
  return (
    <header className="topbar">
      <div className="brand">
        <BrandMark />
        <span>
          {title} · {mall.name}
        </span>
      </div>
      <div className="topbar-right">
        {signedInAs !== null && (
          <>
            <span className="muted">{signedInAs}</span>
            {children}
            <button type="button" className="btn btn-small btn-secondary" onClick={onLogout}>
              {t('login.logout')}
            </button>
          </>
        )}
        <LangSwitch className="btn-small" />
      </div>
    </header>
  );
}
