/**
 * The chosen UI language, outside React so the API client can send it as Accept-Language.
 * Chinese first: a user who never chose gets zh.
 */
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import type { Locale } from '../../../domain/message';
import { en } from './en';
import { type MessageKey, zh } from './zh';

export const LOCALE_STORAGE_KEY = 'kechuang.locale';

export type MessageVars = Record<string, string | number>;

function readStoredLocale(): Locale {
  if (typeof window === 'undefined') return 'zh';
  try {
    return window.localStorage.getItem(LOCALE_STORAGE_KEY) === 'en' ? 'en' : 'zh';
  } catch {
    return 'zh';
  }
}

let current: Locale = readStoredLocale();

function applyLocale(locale: Locale): void {
  dayjs.locale(locale === 'en' ? 'en' : 'zh-cn');
  // Unit tests import this module outside a browser.
  if (typeof document !== 'undefined') document.documentElement.lang = locale === 'en' ? 'en' : 'zh-CN';
}
applyLocale(current);

export function getCurrentLocale(): Locale {
  return current;
}

export function setCurrentLocale(locale: Locale): void {
  current = locale;
  try {
    window.localStorage.setItem(LOCALE_STORAGE_KEY, locale);
  } catch {
    // Private mode may refuse storage; the choice then lasts for this page only.
  }
  applyLocale(locale);
}

/** The header value the server localises error messages by. */
export function acceptLanguage(locale: Locale = current): string {
  return locale === 'en' ? 'en' : 'zh-CN';
}

export function translate(locale: Locale, key: MessageKey, vars?: MessageVars): string {
  const text: string = (locale === 'en' ? en : zh)[key];
  if (!vars) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.hasOwn(vars, name) ? String(vars[name]) : whole,
  );
}
