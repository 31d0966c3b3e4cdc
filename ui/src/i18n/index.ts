import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from './en.json';
import ru from './ru.json';
import uk from './uk.json';

export const LANGUAGES = ['uk', 'en', 'ru'] as const;
export type UiLanguage = (typeof LANGUAGES)[number];

const STORAGE_KEY = 'voronka.language';

function isUiLanguage(v: string | null | undefined): v is UiLanguage {
  return !!v && (LANGUAGES as readonly string[]).includes(v);
}

/** The remembered choice, else the system's language when we speak it, else English. */
export function initialLanguage(): UiLanguage {
  const saved = typeof localStorage !== 'undefined' ? localStorage.getItem(STORAGE_KEY) : null;
  if (isUiLanguage(saved)) return saved;
  const system = typeof navigator !== 'undefined' ? navigator.language.slice(0, 2).toLowerCase() : '';
  return isUiLanguage(system) ? system : 'en';
}

export function setLanguage(lang: UiLanguage): Promise<unknown> {
  localStorage.setItem(STORAGE_KEY, lang);
  document.documentElement.lang = lang;
  return i18n.changeLanguage(lang);
}

/** Intl wants the full tag; Ukrainian grouping and date order differ from English. */
export function locale(lang: string): string {
  return { uk: 'uk-UA', ru: 'ru-RU', en: 'en-GB' }[lang] ?? lang;
}

void i18n.use(initReactI18next).init({
  resources: { uk: { translation: uk }, en: { translation: en }, ru: { translation: ru } },
  lng: initialLanguage(),
  fallbackLng: 'en',
  interpolation: { escapeValue: false },
  returnNull: false,
});

export default i18n;
