import { createContext, type ReactNode, useCallback, useContext, useMemo, useState } from 'react';
import { type Locale, type Msg, pick } from '../../../domain/message';
import { getCurrentLocale, type MessageVars, setCurrentLocale, translate } from './locale-store';
import type { MessageKey } from './zh';

export type { MessageKey } from './zh';
export type TFunction = (key: MessageKey, vars?: MessageVars) => string;

interface LocaleContextValue {
  locale: Locale;
  setLocale: (locale: Locale) => void;
}

const LocaleContext = createContext<LocaleContextValue | null>(null);

export function LocaleProvider({
  children,
  onChange,
}: {
  children: ReactNode;
  onChange?: (locale: Locale) => void;
}) {
  const [locale, setLocaleState] = useState<Locale>(getCurrentLocale);
  const setLocale = useCallback(
    (next: Locale) => {
      setCurrentLocale(next);
      setLocaleState(next);
      onChange?.(next);
    },
    [onChange],
  );
  const value = useMemo(() => ({ locale, setLocale }), [locale, setLocale]);
  return <LocaleContext.Provider value={value}>{children}</LocaleContext.Provider>;
}

export function useLocale(): LocaleContextValue {
  const value = useContext(LocaleContext);
  if (!value) throw new Error('useLocale outside LocaleProvider');
  return value;
}

/** Translate a dictionary key; `{name}` placeholders are filled from vars. */
export function useT(): TFunction {
  const { locale } = useLocale();
  return useCallback((key, vars) => translate(locale, key, vars), [locale]);
}

/** Pick the current language from a bilingual domain text (role names, permissions, policy). */
export function useMsg(): (m: Msg) => string {
  const { locale } = useLocale();
  return useCallback((m) => pick(m, locale), [locale]);
}
