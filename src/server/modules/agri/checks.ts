/** The anomaly checks a service log carries: a reused photo, impossible travel, a day outside the dispatch. */
import { impossibleTravel, type LogFlag, MAX_TRAVEL_KMH } from '../../../domain/agri';
import type { Tx } from '../../db/client';
import { chinaDate } from '../../platform/clock';
import { logsWithPhotos, neighbourLogs, photosOf } from './logs-repo';

export interface CheckedLog {
  id: string;
  commissionerId: string;
  servedAt: Date;
  lat: number | null;
  lng: number | null;
}

const at = (d: Date) =>
  `${chinaDate(d)} ${new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(11, 16)}`;

/** The flags of one log and what each found, computed from the stored records. */
export async function checkLog(
  tx: Tx,
  log: CheckedLog,
  dispatch: { startsOn: string; endsOn: string },
): Promise<{ flags: LogFlag[]; flagNotes: Record<string, string> }> {
  const flags: LogFlag[] = [];
  const notes: Record<string, string> = {};
  const day = chinaDate(log.servedAt);
  if (day < dispatch.startsOn || day > dispatch.endsOn) {
    flags.push('outside_period');
    notes.outside_period = `服务日期 ${day} 不在派驻期 ${dispatch.startsOn} 至 ${dispatch.endsOn} 内`;
  }
  if (log.lat !== null && log.lng !== null) {
    const here = { lat: log.lat, lng: log.lng, at: log.servedAt.toISOString() };
    for (const n of await neighbourLogs(tx, log.commissionerId, log.servedAt, log.id)) {
      const there = { lat: n.lat!, lng: n.lng!, at: new Date(n.servedAt).toISOString() };
      if (impossibleTravel(there, here)) {
        flags.push('impossible_travel');
        notes.impossible_travel = `与 ${at(new Date(n.servedAt))}「${n.place}」的记录间距过远，行程超过 ${MAX_TRAVEL_KMH} km/h`;
        break;
      }
    }
  }
  const hashes = (await photosOf(tx, log.id)).map((p) => p.sha256);
  const reused = await logsWithPhotos(tx, hashes, log.id);
  if (reused.length > 0) {
    flags.push('photo_reuse');
    notes.photo_reuse = `照片与其他 ${new Set(reused.map((r) => r.logId)).size} 条服务记录中的照片相同`;
  }
  return { flags, flagNotes: notes };
}
