import { useTranslation } from 'react-i18next';

/** One button: switches between Bahasa Indonesia and English. */
export function LangSwitch({ className = '' }: { className?: string }) {
  const { t, i18n } = useTranslation();
  const next = i18n.language === 'en' ? 'id' : 'en';
  return (
    <button
      type="button"
      className={`lang-switch ${className}`}
      lang={next}
      onClick={() => void i18n.changeLanguage(next)}
      title={t('common.switchLanguage')}
    >
      {next === 'en' ? 'English' : 'Bahasa Indonesia'}
    </button>
  );
}
