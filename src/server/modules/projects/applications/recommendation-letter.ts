/**
 * The 推荐函 the platform drafts for a county: the applications it recommends in its order of
 * priority, the county's name and the date, with room for the stamp (盖章). The county downloads
 * it to stamp, or lets the platform file it with the batch.
 */
import { createHash } from 'node:crypto';
import { msg } from '../../../../domain/message';
import type { Tx } from '../../../db/client';
import type { Actor } from '../../../platform/actor';
import { type AuditContext, writeAudit } from '../../../platform/audit';
import { clock } from '../../../platform/clock';
import type { Deps } from '../../../platform/deps';
import { forbidden, invalid, notFound } from '../../../platform/errors';
import { wanOrNull } from '../money';
import { projectScope } from '../policy';
import { renderTableDocx } from '../reports/docx-tables';
import { visibleListRows } from './applications-repo';
import { insertRecommendation, letterFile } from './recommendations-repo';
import { checkFile } from './sniff';

export const LETTER_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** 2026-12-08 → 2026年12月8日 */
export function chineseDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

/** The county the actor recommends for (a county clerk's region), or 403. */
export function recommendingCounty(deps: Deps, actor: Actor) {
  if (actor.role !== 'county' || !actor.regionCode) throw forbidden();
  const region = deps.regions.get(actor.regionCode);
  return { code: actor.regionCode, name: region?.name ?? actor.regionCode };
}

/**
 * The letter for these applications in this order. Every one must be visible to the county (else
 * 404-like refusal naming `ids`), so a county cannot list another county's application.
 */
export async function renderLetter(tx: Tx, deps: Deps, actor: Actor, ids: string[]) {
  const county = recommendingCounty(deps, actor);
  if (new Set(ids).size !== ids.length)
    throw invalid('ids', msg('同一申报不能重复列入', 'An application is listed twice'));
  const rows = await visibleListRows(tx, projectScope(actor, deps.regions), ids);
  const byId = new Map(rows.map((r) => [r.id, r]));
  const missing = ids.filter((id) => !byId.has(id));
  if (missing.length > 0)
    throw invalid(
      'ids',
      msg(
        `${missing.length} 项申报不存在或不属本地区`,
        `${missing.length} application(s) do not exist or are not of this region`,
      ),
    );
  const ordered = ids.map((id) => byId.get(id)!);
  const today = clock.today();
  const calls = [...new Set(ordered.map((r) => r.callTitle))];
  const title = `${county.name}关于推荐科技计划项目的函`;
  const buffer = await renderTableDocx({
    title,
    paragraphs: [
      '泉州市科学技术局：',
      `根据${calls.map((c) => `《${c}》`).join('、')}要求，经我局审核，现推荐以下 ${ordered.length} 个项目，按推荐优先顺序排列如下：`,
    ],
    header: ['推荐顺序', '项目名称', '申报单位', '申报指南', '申请金额（万元）'],
    rows: ordered.map((r, i) => [
      String(i + 1),
      r.title,
      r.orgName,
      `${r.year} · ${r.callTitle}`,
      wanOrNull(r.requestedAmount) ?? '—',
    ]),
    weights: [1, 4, 3, 4, 2],
    numeric: [true, false, false, false, true],
    closing: ['特此函告。', `推荐单位（盖章）：${county.name}科技主管部门`, chineseDate(today)],
  });
  return { buffer, fileName: `${title}（${today}）.docx`, rows: ordered };
}

/**
 * The stamped letter, uploaded before the batch that files it (PDF or an image: a scan; Word is
 * accepted too). Audited; usable once, by the county that uploaded it.
 */
export async function uploadLetter(
  deps: Deps,
  ctx: AuditContext,
  actor: Actor,
  upload: { fileName: string; file: Buffer },
) {
  const county = recommendingCounty(deps, actor);
  if (!upload.fileName || upload.fileName.length > 200)
    throw invalid(
      'file',
      msg('文件名为空或过长（200 字以内）', 'The file name is empty or longer than 200 characters'),
    );
  const { mime, type } = checkFile(upload.fileName, upload.file);
  if (!['pdf', 'png', 'jpeg', 'docx'].includes(type))
    throw invalid(
      'file',
      msg('推荐函请上传 PDF、图片或 Word 文件', 'Upload the letter as PDF, an image or Word'),
    );
  return deps.db.transaction(async (tx) => {
    const row = await insertRecommendation(tx, {
      regionCode: county.code,
      fileName: upload.fileName,
      mime,
      size: upload.file.length,
      sha256: createHash('sha256').update(upload.file).digest('hex'),
      content: upload.file,
      generated: false,
      createdBy: actor.id,
    });
    await writeAudit(tx, ctx, {
      action: 'recommendation.letter-upload',
      targetType: 'recommendation',
      targetId: row.id,
      after: { fileName: upload.fileName, size: upload.file.length },
    });
    return row;
  });
}

/** A letter to read: the county that filed it, or the bureau (any region); else 404. */
export async function readLetter(deps: Deps, actor: Actor, id: string) {
  const scope = projectScope(actor, deps.regions);
  const regions = scope.kind === 'city' ? null : scope.kind === 'region' ? scope.regionCodes : [];
  const row = await deps.db.transaction((tx) => letterFile(tx, id, regions));
  if (!row) throw notFound(msg('推荐函', 'letter'));
  return row;
}
