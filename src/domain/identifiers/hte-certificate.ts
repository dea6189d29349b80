import { type Msg, msg } from '../message';
import type { IdFailure, IdResult } from './index';

/**
 * 高新技术企业 certificate number: `GR` + issue year (4) + province code (2, GB/T 2260) +
 * serial (6), e.g. `GR201635000123`. There is no check digit, so only the format, year and
 * province can be verified.
 */

/** The HTE certificate series in this format began with the 2008 认定管理办法 (国科发火〔2008〕172号). */
const FIRST_YEAR = 2008;

/** GB/T 2260 province-level codes (mainland). */
const PROVINCES: Record<string, Msg> = {
  '11': msg('北京市', 'Beijing'),
  '12': msg('天津市', 'Tianjin'),
  '13': msg('河北省', 'Hebei'),
  '14': msg('山西省', 'Shanxi'),
  '15': msg('内蒙古自治区', 'Inner Mongolia'),
  '21': msg('辽宁省', 'Liaoning'),
  '22': msg('吉林省', 'Jilin'),
  '23': msg('黑龙江省', 'Heilongjiang'),
  '31': msg('上海市', 'Shanghai'),
  '32': msg('江苏省', 'Jiangsu'),
  '33': msg('浙江省', 'Zhejiang'),
  '34': msg('安徽省', 'Anhui'),
  '35': msg('福建省', 'Fujian'),
  '36': msg('江西省', 'Jiangxi'),
  '37': msg('山东省', 'Shandong'),
  '41': msg('河南省', 'Henan'),
  '42': msg('湖北省', 'Hubei'),
  '43': msg('湖南省', 'Hunan'),
  '44': msg('广东省', 'Guangdong'),
  '45': msg('广西壮族自治区', 'Guangxi'),
  '46': msg('海南省', 'Hainan'),
  '50': msg('重庆市', 'Chongqing'),
  '51': msg('四川省', 'Sichuan'),
  '52': msg('贵州省', 'Guizhou'),
  '53': msg('云南省', 'Yunnan'),
  '54': msg('西藏自治区', 'Xizang'),
  '61': msg('陕西省', 'Shaanxi'),
  '62': msg('甘肃省', 'Gansu'),
  '63': msg('青海省', 'Qinghai'),
  '64': msg('宁夏回族自治区', 'Ningxia'),
  '65': msg('新疆维吾尔自治区', 'Xinjiang'),
  // Not a GB/T 2260 code: accepted because 新疆生产建设兵团 certifies its own enterprises and its
  // certificates are reported to carry 66 (unverified — remove if it proves wrong).
  '66': msg('新疆生产建设兵团', 'Xinjiang Production and Construction Corps'),
};

export type HteCertificateResult = IdResult<{ year: number; provinceCode: string; province: Msg }>;

export function normaliseHteCertificate(input: string): string {
  return input.replace(/\s+/g, '').toUpperCase();
}

function fail(position: number | undefined, zh: string, en: string): IdFailure {
  return position === undefined
    ? { ok: false, reason: msg(zh, en) }
    : { ok: false, position, reason: msg(zh, en) };
}

/** Validate a 高新技术企业 certificate number; the year may be at most next year (early issues). */
export function validateHteCertificate(input: string, today: Date = new Date()): HteCertificateResult {
  const s = normaliseHteCertificate(input);
  if (s.length === 0)
    return fail(undefined, '请填写高新技术企业证书编号', 'Enter the high-tech enterprise certificate number');
  if (!s.startsWith('GR')) {
    return fail(
      1,
      '高新技术企业证书编号应以 GR 开头，例如 GR201635000123',
      'A high-tech enterprise certificate number starts with GR, e.g. GR201635000123',
    );
  }
  const bad = [...s.slice(2)].findIndex((ch) => !/[0-9]/.test(ch));
  if (bad >= 0) {
    const position = bad + 3;
    return fail(
      position,
      `第${position}位字符 ${s[position - 1]} 无效：GR 之后只能是数字`,
      `Character ${position} (${s[position - 1]}) is invalid: only digits follow GR`,
    );
  }
  if (s.length !== 14) {
    return fail(
      undefined,
      `证书编号应为 GR 加 12 位数字（年份4位、省份2位、序号6位），实为 ${s.length - 2} 位数字`,
      `The number is GR plus 12 digits (year 4, province 2, serial 6), not ${s.length - 2} digits`,
    );
  }
  const year = Number(s.slice(2, 6));
  const maxYear = today.getFullYear() + 1;
  if (year < FIRST_YEAR || year > maxYear) {
    return fail(
      3,
      `第3–6位年份 ${year} 不合理：应在 ${FIRST_YEAR}–${maxYear} 之间`,
      `Characters 3–6 (year ${year}) are implausible: expected ${FIRST_YEAR}–${maxYear}`,
    );
  }
  const provinceCode = s.slice(6, 8);
  const province = PROVINCES[provinceCode];
  if (!province) {
    return fail(
      7,
      `第7–8位省份代码 ${provinceCode} 不是有效的省级行政区划代码（GB/T 2260）`,
      `Characters 7–8 (${provinceCode}) are not a province code (GB/T 2260)`,
    );
  }
  return { ok: true, value: s, year, provinceCode, province };
}
