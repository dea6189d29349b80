/** A user-facing text in both languages the platform speaks. Chinese first. */
export interface Msg {
  zh: string;
  en: string;
}

export type Locale = 'zh' | 'en';

export function msg(zh: string, en: string): Msg {
  return { zh, en };
}

export function pick(m: Msg, locale: Locale): string {
  return locale === 'en' ? m.en : m.zh;
}
