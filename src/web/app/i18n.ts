import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from '../i18n/en';
import { id } from '../i18n/id';

const STORE = 'satu-atap:lang';
const stored = (() => {
  try {
    return localStorage.getItem(STORE);
  } catch {
    return null;
  }
})();

/** Bahasa Indonesia is the default; English is one switch away and remembered on this device. */
void i18n.use(initReactI18next).init({
  resources: { id: { translation: id }, en: { translation: en } },
  lng: stored === 'en' ? 'en' : 'id',
  fallbackLng: 'id',
  interpolation: { escapeValue: false },
  returnNull: false,
});

i18n.on('languageChanged', (lng) => {
  document.documentElement.lang = lng;
  try {
    localStorage.setItem(STORE, lng);
  } catch {
    /* private mode */
  }
});
document.documentElement.lang = i18n.language;

export default i18n;
