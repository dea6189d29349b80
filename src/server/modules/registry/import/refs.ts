/**
 * Reading a cell as its column's type, against the reference data it is checked with: regions,
 * GB/T 4754 industries and qualification types (loaded once per validation run).
 */
import { validateUscc } from '../../../../domain/identifiers';
import { msg } from '../../../../domain/message';
import type { QualificationValidity } from '../../../../domain/reference';
import {
  CARRIER_KIND_NAMES,
  LEVEL_NAMES,
  ORG_KIND_NAMES,
  PLATFORM_KIND_NAMES,
} from '../../../../domain/registry';
import type { Tx } from '../../../db/client';
import { clock } from '../../../platform/clock';
import type { RegionTree } from '../../../platform/region-tree';
import {
  controlProblem,
  type Raw,
  type Read,
  readBool,
  readChoice,
  readCount,
  readDate,
  readMoney,
  readText,
  readYear,
  textOf,
} from './cells';
import type { ColumnSpec, Value } from './columns';
import { allQualificationTypes, industryCodes } from './reference-repo';

export interface QualType {
  code: string;
  name: string;
  nameEn: string;
  levels: string[];
  validity: QualificationValidity;
  basis: string;
}

/** Reference data a row is checked against, loaded once per validation run. */
export interface Refs {
  regions: RegionTree;
  industries: Set<string>;
  /** The section letter of each division (39 → C), for codes written the statistics system's way. */
  sectionOf: Map<string, string>;
  qualTypes: QualType[];
  today: Date;
}

export async function loadRefs(tx: Tx, regions: RegionTree): Promise<Refs> {
  const inds = await industryCodes(tx);
  const quals = await allQualificationTypes(tx);
  return {
    regions,
    industries: new Set(inds.map((i) => i.code)),
    sectionOf: new Map(inds.filter((i) => i.parentCode).map((i) => [i.code, i.parentCode!])),
    qualTypes: quals.map((q) => ({ ...q, validity: q.validity as QualificationValidity })),
    today: clock.now(),
  };
}

const LEVEL_ALIASES = { 国家: 'national', 省: 'provincial', 市: 'municipal', 国家级别: 'national' };

function readRegion(raw: Raw, refs: Refs): Read<string> {
  const s = textOf(raw);
  const region = refs.regions.find(s);
  if (!region || region.level === 'city' || !region.holdsData) {
    return {
      ok: false,
      error: msg(
        `所属区域「${s}」不存在：请填写县(市、区)或功能区的名称或代码，如 晋江市 或 350582（见「填写说明」）`,
        `Unknown region "${s}": enter a county or zone by name or code, e.g. 晋江市 or 350582`,
      ),
    };
  }
  return { ok: true, value: region.code };
}

/** GB/T 4754 code at any level: a section letter, or digits whose first two are a division. */
/**
 * A GB/T 4754 code as a clerk writes it: a section letter (C), a division, group or class in
 * digits (39, 391, 3911), or the same with its section letter in front as the statistics system
 * shows it (C39, C3911). Kept as the letter or the digits; a letter that is not the division's
 * section is refused rather than guessed.
 */
export function readIndustry(raw: Raw, refs: Pick<Refs, 'industries' | 'sectionOf'>): Read<string> {
  let s = textOf(raw).toUpperCase().replace(/\s+/g, '');
  // A division typed as a number loses its leading zero (06 → 6).
  if (typeof raw === 'number' && s.length === 1) s = `0${s}`;
  const lettered = /^([A-T])(\d{2,4})$/.exec(s);
  const digits = lettered ? lettered[2] : s;
  const known = /^[A-T]$/.test(s)
    ? refs.industries.has(s)
    : /^\d{2,4}$/.test(digits) &&
      refs.industries.has(digits.slice(0, 2)) &&
      (!lettered || refs.sectionOf.get(digits.slice(0, 2)) === lettered[1]);
  if (!known) {
    return {
      ok: false,
      error: msg(
        `行业代码「${s}」不存在（GB/T 4754-2017）：请填写门类字母、大类两位代码或带门类字母的代码，如 C、39 或 C39`,
        `Industry code "${s}" does not exist (GB/T 4754-2017): enter a section letter, a division, or either with its section letter, e.g. C, 39 or C39`,
      ),
    };
  }
  return { ok: true, value: digits };
}

function readQualType(raw: Raw, refs: Refs): Read<string> {
  const names = Object.fromEntries(refs.qualTypes.map((q) => [q.code, msg(q.name, q.nameEn)]));
  return readChoice(raw, names, { 高企: 'hte', 科技型中小企业入库: 'tech_sme' });
}

/** Reads a non-empty cell of a column as its type. */
export function readCell(c: ColumnSpec, raw: Raw, refs: Refs): Read<Value> {
  const control = controlProblem(raw);
  if (control) return control;
  switch (c.type) {
    case 'uscc': {
      const r = validateUscc(textOf(raw));
      return r.ok ? { ok: true, value: r.value } : { ok: false, error: r.reason };
    }
    case 'text':
      return readText(raw, c.maxLength ?? 200);
    case 'orgKind':
      return readChoice(raw, ORG_KIND_NAMES);
    case 'platformKind':
      return readChoice(raw, PLATFORM_KIND_NAMES);
    case 'carrierKind':
      return readChoice(raw, CARRIER_KIND_NAMES);
    case 'level':
      return readChoice(raw, LEVEL_NAMES, LEVEL_ALIASES);
    case 'qualType':
      return readQualType(raw, refs);
    case 'region':
      return readRegion(raw, refs);
    case 'industry':
      return readIndustry(raw, refs);
    case 'bool':
      return readBool(raw);
    case 'date':
      return readDate(raw);
    case 'money':
      return readMoney(raw);
    case 'count':
      return readCount(raw);
    case 'year':
      return readYear(raw, refs.today);
  }
}
