/**
 * The public site's texts, in Chinese and English (identical keys, type-checked), and the chosen
 * language — the same choice, kept under the same key, as the signed-in app's language switch.
 */
import { createContext, type ReactNode, useCallback, useContext, useMemo, useState } from 'react';
import { type Locale, type Msg, pick } from '../../../../domain/message';
import { en } from './i18n-en';
import { type PortalKey, zh } from './i18n-zh';

/** The key the signed-in app keeps the language under (app/i18n/locale-store.ts; a test holds them equal). */
export const PORTAL_LOCALE_KEY = 'kechuang.locale';

let current: Locale = (() => {
  try {
    return window.localStorage.getItem(PORTAL_LOCALE_KEY) === 'en' ? 'en' : 'zh';
  } catch {
    return 'zh';
  }
})();

export const currentLocale = () => current;

const Ctx = createContext<{ locale: Locale; setLocale: (l: Locale) => void }>({
  locale: 'zh',
  setLocale: () => {},
});

export function PortalLocaleProvider({ children, onChange }: { children: ReactNode; onChange: () => void }) {
  const [locale, set] = useState<Locale>(current);
  const setLocale = useCallback(
    (l: Locale) => {
      current = l;
      try {
        window.localStorage.setItem(PORTAL_LOCALE_KEY, l);
      } catch {
        // Private windows may refuse storage: the choice holds for this visit.
      }
      document.documentElement.lang = l === 'en' ? 'en' : 'zh-CN';
      set(l);
      onChange();
    },
    [onChange],
  );
  const value = useMemo(() => ({ locale, setLocale }), [locale, setLocale]);
  return <Ctx.Provider value={value}>{children}</Ctx.Provider>;
}

export const useLocale = () => useContext(Ctx);

export function usePT() {
  const { locale } = useLocale();
  return useCallback(
    (key: PortalKey, vars: Record<string, string | number> = {}) =>
      (locale === 'en' ? en : zh)[key].replace(/\{(\w+)\}/g, (_, k) => String(vars[k] ?? `{${k}}`)),
    [locale],
  );
}

export function usePMsg() {
  const { locale } = useLocale();
  return useCallback((m: Msg) => pick(m, locale), [locale]);
}

/** A time in China (the platform's business time), e.g. 2026-12-28 17:30. */
export function chinaTime(iso: string): string {
  const d = new Date(new Date(iso).getTime() + 8 * 3_600_000).toISOString();
  return `${d.slice(0, 10)} ${d.slice(11, 16)}`;
}
