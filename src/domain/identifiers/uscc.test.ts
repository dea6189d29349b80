import { describe, expect, it } from 'vitest';
import { makeUscc, orgCodeCheckChar, USCC_CHARSET, usccCheckChar, validateUscc } from './uscc';

/** Small seeded RNG (mulberry32) so the property loops are reproducible. */
function rng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function failure(input: string) {
  const r = validateUscc(input);
  if (r.ok) throw new Error(`expected ${input} to be rejected`);
  return r;
}

describe('validateUscc', () => {
  it('accepts the GB 32100 worked example and splits it into its parts', () => {
    expect(validateUscc('91350100M000100Y43')).toEqual({
      ok: true,
      value: '91350100M000100Y43',
      registrar: '9',
      entityClass: '1',
      registrarRegion: '350100',
      orgCode: 'M000100Y-4',
    });
  });

  it('names the wrong check character in the worked counter-example', () => {
    const r = failure('91350100M000100Y4Z');
    expect(r.position).toBe(18);
    expect(r.reason).toEqual({
      zh: '第18位校验码应为 3，实为 Z',
      en: 'Character 18 (check character) should be 3, not Z',
    });
  });

  it('normalises case and whitespace, including full-width blanks', () => {
    const r = validateUscc(' 9135 0100m000100y43\u3000');
    expect(r.ok && r.value).toBe('91350100M000100Y43');
  });

  it('rejects empty input', () => {
    expect(failure('   ').reason.en).toMatch(/Enter/);
  });

  it('rejects the wrong length', () => {
    const r = failure('91350100M000100Y4');
    expect(r.position).toBeUndefined();
    expect(r.reason.zh).toContain('实为 17 位');
  });

  it.each(['I', 'O', 'Z', 'S', 'V'])('rejects the excluded letter %s naming its position', (ch) => {
    const r = failure(`91350100M${ch}00100Y43`);
    expect(r.position).toBe(10);
    expect(r.reason.zh).toContain(`第10位字符 ${ch} 不允许`);
  });

  it('rejects other characters naming their position', () => {
    const r = failure('91350100M000-00Y43');
    expect(r.position).toBe(13);
    expect(r.reason.en).toContain('Character 13 (-) is invalid');
  });

  it('requires the registering office code (positions 3–8) to be digits', () => {
    const r = failure('913501A0M000100Y43');
    expect(r.position).toBe(7);
    expect(r.reason.zh).toContain('行政区划码');
  });

  it('reports the embedded organisation-code check separately', () => {
    const r = failure('91350100M000100Y53');
    expect(r.position).toBe(17);
    expect(r.reason.zh).toContain('第17位组织机构代码校验码应为 4，实为 5');
    expect(r.reason.en).toContain('organisation-code check character');
  });

  it('reports a slip in the organisation-code body through the organisation-code check', () => {
    expect(failure('91350100M000200Y43').position).toBe(17);
  });

  it('reports a slip in positions 1–8 through the USCC check', () => {
    const r = failure('92350100M000100Y43');
    expect(r.position).toBe(18);
    expect(r.reason.en).toBe('Character 18 (check character) should be 0, not 3');
  });
});

describe('check characters', () => {
  it('computes the USCC check character', () => {
    expect(usccCheckChar('91350100M000100Y4')).toBe('3');
  });

  it('maps 31 to 0 for the USCC check character', () => {
    // Σ = 0 gives 31 − 0 = 31, written 0.
    expect(usccCheckChar('00000000000000000')).toBe('0');
  });

  it('computes organisation-code check characters including the X and 0 cases', () => {
    expect(orgCodeCheckChar('M000100Y')).toBe('4');
    expect(orgCodeCheckChar('40000000')).toBe('X');
    expect(orgCodeCheckChar('00000000')).toBe('0');
    expect(orgCodeCheckChar('00000005')).toBe('1');
  });

  it('throws on malformed bodies', () => {
    expect(() => usccCheckChar('123')).toThrow(RangeError);
    expect(() => usccCheckChar('9135010OM000100Y4')).toThrow(RangeError);
    expect(() => orgCodeCheckChar('1234567')).toThrow(RangeError);
    expect(() => orgCodeCheckChar('1234567*')).toThrow(RangeError);
  });
});

describe('makeUscc', () => {
  it('builds a code with both check characters, including an X organisation check', () => {
    const code = makeUscc('9', '1', '350582', 'MA2XY0AB');
    expect(code).toBe('91350582MA2XY0ABXF');
    expect(validateUscc(code).ok).toBe(true);
  });

  it('rejects malformed parts', () => {
    expect(() => makeUscc('91', '1', '350582', 'MA2XY0AB')).toThrow(RangeError);
    expect(() => makeUscc('9', 'I', '350582', 'MA2XY0AB')).toThrow(RangeError);
    expect(() => makeUscc('9', '1', '35058A', 'MA2XY0AB')).toThrow(RangeError);
    expect(() => makeUscc('9', '1', '350582', 'MA2XY0A')).toThrow(RangeError);
    expect(() => makeUscc('9', '1', '350582', 'MA2XYOAB')).toThrow(RangeError);
  });

  it('property: random bodies validate, and any single substitution is caught', () => {
    const next = rng(20160101);
    const pick = () => USCC_CHARSET[Math.floor(next() * USCC_CHARSET.length)];
    // Collected and asserted once: 126,000 separate expectations would dominate the run.
    const wronglyValid: string[] = [];
    const wronglyInvalid: string[] = [];
    for (let n = 0; n < 200; n++) {
      const region = String(Math.floor(next() * 1_000_000)).padStart(6, '0');
      const base = Array.from({ length: 8 }, pick).join('');
      const code = makeUscc(pick(), pick(), region, base);
      if (!validateUscc(code).ok) wronglyInvalid.push(code);
      for (let i = 0; i < 18; i++) {
        for (const ch of `${USCC_CHARSET}IOZSV`) {
          if (ch === code[i]) continue;
          const altered = code.slice(0, i) + ch + code.slice(i + 1);
          if (validateUscc(altered).ok) wronglyValid.push(altered);
        }
      }
    }
    expect(wronglyInvalid).toEqual([]);
    expect(wronglyValid).toEqual([]);
  });
});
