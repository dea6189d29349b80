import { describe, expect, it } from 'vitest';
import { highlightParts } from './highlight';

const marked = (text: string, keyword?: string) =>
  highlightParts(text, keyword)
    .map((p) => (p.hit ? `[${p.text}]` : p.text))
    .join('');

describe('search highlighting', () => {
  it('marks every whole word of the keyword where it occurs', () => {
    expect(marked('泉州华航精密机械有限公司', '华航')).toBe('泉州[华航]精密机械有限公司');
    expect(marked('华航 华航', '华航')).toBe('[华航] [华航]');
    expect(marked('晋江华航鞋业', '晋江 华航')).toBe('[晋江华航]鞋业');
    expect(marked('晋江市华航鞋业', '晋江 华航')).toBe('[晋江]市[华航]鞋业');
    expect(marked('Fujian LED Co', 'led')).toBe('Fujian [LED] Co');
  });

  it('leaves a name whose characters match only apart unmarked, and an empty keyword alone', () => {
    expect(marked('华安航运有限公司', '华航')).toBe('华安航运有限公司');
    expect(marked('华航', undefined)).toBe('华航');
    expect(marked('华航', '  ')).toBe('华航');
    expect(highlightParts('', '华航')).toEqual([]);
  });
});
