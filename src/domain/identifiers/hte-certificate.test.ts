import { describe, expect, it } from 'vitest';
import { validateHteCertificate } from './hte-certificate';

const TODAY = new Date(2026, 5, 1);

function failure(input: string) {
  const r = validateHteCertificate(input, TODAY);
  if (r.ok) throw new Error(`expected ${input} to be rejected`);
  return r;
}

describe('validateHteCertificate', () => {
  it('accepts the example and reads year and province', () => {
    expect(validateHteCertificate('GR201635000123', TODAY)).toEqual({
      ok: true,
      value: 'GR201635000123',
      year: 2016,
      provinceCode: '35',
      province: { zh: '福建省', en: 'Fujian' },
    });
  });

  it('normalises case and whitespace', () => {
    const r = validateHteCertificate(' gr2016 35 000123 ', TODAY);
    expect(r.ok && r.value).toBe('GR201635000123');
  });

  it('accepts the first year and next year', () => {
    expect(validateHteCertificate('GR200811000001', TODAY).ok).toBe(true);
    expect(validateHteCertificate('GR202744000001', TODAY).ok).toBe(true);
  });

  it('rejects empty input', () => {
    expect(failure('').reason.en).toMatch(/Enter/);
  });

  it('requires the GR prefix', () => {
    const r = failure('201635000123');
    expect(r.position).toBe(1);
    expect(r.reason.zh).toContain('GR 开头');
  });

  it('names a non-digit after GR', () => {
    const r = failure('GR2016350O0123');
    expect(r.position).toBe(10);
    expect(r.reason.en).toContain('Character 10 (O)');
  });

  it('rejects the wrong number of digits', () => {
    expect(failure('GR20163500012').reason.zh).toContain('实为 11 位数字');
  });

  it('rejects implausible years', () => {
    expect(failure('GR200735000123').position).toBe(3);
    expect(failure('GR202835000123').reason.en).toContain('2008–2027');
  });

  it('rejects unknown province codes', () => {
    const r = failure('GR201699000123');
    expect(r.position).toBe(7);
    expect(r.reason.zh).toContain('省份代码 99');
  });
});
