/** 农业科技 and 科技特派员: record kinds, service-log states, anomaly flags and the yearly appraisal. */
import { type Msg, msg } from './message';

/** The agricultural S&T carriers the bureau recognises. */
export const AGRI_UNIT_KINDS = ['park', 'demo_base', 'star_space', 'commissioner_base', 'tech_coop'] as const;
export type AgriUnitKind = (typeof AGRI_UNIT_KINDS)[number];
export const AGRI_UNIT_KIND_NAMES: Record<AgriUnitKind, Msg> = {
  park: msg('农业科技园区', 'Agricultural S&T park'),
  demo_base: msg('园区示范企业（基地）', 'Park demonstration enterprise / base'),
  star_space: msg('星创天地', 'Rural maker space (星创天地)'),
  commissioner_base: msg('科技特派员示范基地', 'S&T commissioner demonstration base'),
  tech_coop: msg('科技型农民专业合作社', "Technology-based farmers' cooperative"),
};
/** Which list each kind is kept in (/parks, /bases, /cooperatives). */
export const AGRI_UNIT_GROUPS = {
  parks: ['park'],
  bases: ['demo_base', 'star_space', 'commissioner_base'],
  cooperatives: ['tech_coop'],
} as const satisfies Record<string, readonly AgriUnitKind[]>;
export type AgriUnitGroup = keyof typeof AGRI_UNIT_GROUPS;

export const AGRI_LEVELS = ['national', 'provincial', 'municipal'] as const;
export type AgriLevel = (typeof AGRI_LEVELS)[number];
export const AGRI_LEVEL_NAMES: Record<AgriLevel, Msg> = {
  national: msg('国家级', 'National'),
  provincial: msg('省级', 'Provincial'),
  municipal: msg('市级', 'Municipal'),
};

/** onsite: 现场培训; remote: 12396 信息服务与远程培训. */
export const TRAINING_KINDS = ['onsite', 'remote'] as const;
export type TrainingKind = (typeof TRAINING_KINDS)[number];
export const TRAINING_KIND_NAMES: Record<TrainingKind, Msg> = {
  onsite: msg('现场培训', 'On-site training'),
  remote: msg('12396远程培训', '12396 remote training'),
};

/** Whom a commissioner is dispatched to. */
export const SERVED_KINDS = ['village', 'cooperative', 'enterprise'] as const;
export type ServedKind = (typeof SERVED_KINDS)[number];
export const SERVED_KIND_NAMES: Record<ServedKind, Msg> = {
  village: msg('村', 'Village'),
  cooperative: msg('合作社', 'Cooperative'),
  enterprise: msg('企业', 'Enterprise'),
};

/** A service log waits for the served party, which confirms it or sends it back with a reason. */
export const LOG_STATUS_CODES = ['submitted', 'confirmed', 'rejected'] as const;
export type LogStatus = (typeof LOG_STATUS_CODES)[number];
export const LOG_STATUS_NAMES: Record<LogStatus, Msg> = {
  submitted: msg('待确认', 'Awaiting confirmation'),
  confirmed: msg('已确认', 'Confirmed'),
  rejected: msg('已退回', 'Rejected'),
};

/** Anomaly checks stored on a log. */
export const LOG_FLAGS = ['photo_reuse', 'impossible_travel', 'outside_period'] as const;
export type LogFlag = (typeof LOG_FLAGS)[number];
export const LOG_FLAG_NAMES: Record<LogFlag, Msg> = {
  photo_reuse: msg('照片重复使用', 'Photo used before'),
  impossible_travel: msg('行程不可能', 'Impossible travel'),
  outside_period: msg('不在派驻期内', 'Outside the dispatch period'),
};
/** Two logs closer in time than this speed allows for their distance are flagged. */
export const MAX_TRAVEL_KMH = 120;

export const APPRAISAL_GRADES = ['excellent', 'good', 'pass', 'fail'] as const;
export type AppraisalGrade = (typeof APPRAISAL_GRADES)[number];
export const APPRAISAL_GRADE_NAMES: Record<AppraisalGrade, Msg> = {
  excellent: msg('优秀', 'Excellent'),
  good: msg('合格', 'Good'),
  pass: msg('基本合格', 'Pass'),
  fail: msg('不合格', 'Fail'),
};

export interface AppraisalInput {
  logs: number;
  confirmed: number;
  anomalies: number;
  /** Mean satisfaction (1–5) given at confirmation, null when none was given. */
  satisfaction: number | null;
  countyGrade: AppraisalGrade | null;
}

/**
 * The yearly appraisal (年度考核): 40 points for service (two confirmed visits a month earn them
 * all), 25 for the confirmed share, 20 for the served parties' satisfaction, 15 for the county's
 * view (优秀 15, 合格 10, 基本合格 5, none given 8), less 5 per anomalous log. A county grade of
 * 不合格 fails the year whatever the score. 优秀 ≥ 85, 合格 ≥ 70, 基本合格 ≥ 60.
 */
export function appraise(a: AppraisalInput): { score: number; grade: AppraisalGrade } {
  const service = Math.min(a.confirmed, 24) / 24;
  const share = a.logs > 0 ? a.confirmed / a.logs : 0;
  const satisfaction = a.satisfaction === null ? 0.6 : (a.satisfaction - 1) / 4;
  const county = { excellent: 15, good: 10, pass: 5, fail: 0 }[a.countyGrade ?? 'good'] ?? 10;
  const raw = 40 * service + 25 * share + 20 * satisfaction + (a.countyGrade ? county : 8) - 5 * a.anomalies;
  const score = Math.max(0, Math.round(raw * 10) / 10);
  if (a.countyGrade === 'fail') return { score, grade: 'fail' };
  const grade = score >= 85 ? 'excellent' : score >= 70 ? 'good' : score >= 60 ? 'pass' : 'fail';
  return { score, grade };
}

/** Great-circle distance in km (haversine). */
export function distanceKm(a: { lat: number; lng: number }, b: { lat: number; lng: number }): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLng = (b.lng - a.lng) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLng / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** Whether going from one place to another in the time between faster than MAX_TRAVEL_KMH. */
export function impossibleTravel(
  a: { lat: number; lng: number; at: string },
  b: { lat: number; lng: number; at: string },
): boolean {
  const km = distanceKm(a, b);
  if (km < 1) return false;
  const hours = Math.abs(Date.parse(b.at) - Date.parse(a.at)) / 3_600_000;
  return hours === 0 || km / hours > MAX_TRAVEL_KMH;
}

/** A mobile number shown with its middle four digits hidden (138****1234). */
export function maskMobile(mobile: string | null | undefined): string | null {
  if (!mobile) return null;
  return mobile.length < 7 ? '*'.repeat(mobile.length) : `${mobile.slice(0, 3)}****${mobile.slice(-4)}`;
}
