import { describe, expect, it } from 'vitest';
import { LOCALE_STORAGE_KEY } from '../../../app/i18n/locale-store';
import { PORTAL_LOCALE_KEY } from './i18n';
import { en } from './i18n-en';
import { zh } from './i18n-zh';

describe('the public portal’s texts', () => {
  it('keeps the language under the signed-in app’s key, so one choice holds on both', () => {
    expect(PORTAL_LOCALE_KEY).toBe(LOCALE_STORAGE_KEY);
  });
  it('has the same keys in Chinese and English, none empty', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(zh).sort());
    for (const v of [...Object.values(zh), ...Object.values(en)]) expect(v.trim()).not.toBe('');
  });
});
