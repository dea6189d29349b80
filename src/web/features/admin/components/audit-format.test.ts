import { describe, expect, it } from 'vitest';
import { type Msg, pick } from '../../../../domain/message';
import { chinaTime, detailRows, formatValue } from './audit-format';

const zh = (m: Msg) => pick(m, 'zh');

describe('audit formatting', () => {
  it('shows instants in China Standard Time, across the date line', () => {
    expect(chinaTime('2026-12-07T17:30:05.123Z')).toBe('2026-12-08 01:30:05');
    expect(chinaTime(null)).toBe('—');
  });

  it('reads details as named fields, with codes and instants made readable', () => {
    expect(formatValue('role', 'county', zh)).toBe('县(市、区)科技局');
    expect(formatValue('deniedAction', 'access.unauthenticated', zh)).toBe('未登录访问被拒绝');
    expect(formatValue('from', '2026-01-01T00:00:00.000Z', zh)).toBe('2026-01-01 08:00:00');
    expect(formatValue('filters', { name: '泉州', status: 'active' }, zh)).toBe('名称：泉州；状态：active');
    expect(formatValue('permissions', ['a', 'b'], zh)).toBe('a、b');
    expect(formatValue('x', null, zh)).toBe('—');
  });

  it('pairs before and after by field and marks what changed', () => {
    const rows = detailRows({
      before: { name: '甲', region: '350582' },
      after: { name: '乙', region: '350582' },
    });
    expect(rows).toEqual([
      { key: 'name', before: '甲', after: '乙', changed: true },
      { key: 'region', before: '350582', after: '350582', changed: false },
    ]);
    // A read or a refusal records facts only: nothing counts as changed.
    expect(detailRows({ before: null, after: { status: 401 } })).toEqual([
      { key: 'status', before: undefined, after: 401, changed: false },
    ]);
  });
});
