import { describe, expect, it } from 'vitest';
import { FEATURES } from '../../features';
import { en } from './en';
import { translate } from './locale-store';
import { type MessageKey, zh } from './zh';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('dictionaries', () => {
  it('give every key the same placeholders in both languages', () => {
    for (const key of Object.keys(zh) as MessageKey[]) {
      expect(placeholders(en[key]), key).toEqual(placeholders(zh[key]));
    }
  });

  it('give each key to one feature only, so no module overwrites the text of another', () => {
    const owner = new Map<string, string>();
    for (const feature of FEATURES) {
      for (const key of Object.keys(feature.zh)) {
        expect(owner.get(key), key).toBeUndefined();
        owner.set(key, feature.key);
      }
      expect(Object.keys(feature.en).sort(), feature.key).toEqual(Object.keys(feature.zh).sort());
    }
  });

  it('have no empty texts', () => {
    for (const key of Object.keys(zh) as MessageKey[]) {
      expect(zh[key].trim(), key).not.toBe('');
      expect(en[key].trim(), key).not.toBe('');
    }
  });
});

describe('translate', () => {
  it('fills placeholders and leaves unknown ones visible', () => {
    expect(translate('zh', 'list.total', { total: 12 })).toBe('共 12 条');
    expect(translate('en', 'list.total', { total: 12 })).toBe('12 in total');
    expect(translate('zh', 'home.scope.region')).toBe('您可查看和处理 {region} 及其功能区的数据。');
  });
});
