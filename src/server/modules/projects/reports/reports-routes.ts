import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { idParamSchema, listResponse } from '../../../../domain/contracts/common';
import { boardSchema, rankingItemSchema } from '../../../../domain/contracts/projects';
import { actorOf } from '../../../platform/access';
import { auditRead } from '../../../platform/audit-trail';
import type { Deps } from '../../../platform/deps';
import { oneBatch, sendXlsx } from '../../../platform/excel';
import { stateName } from '../applications/presenter';
import { callBoard, callRanking, publicityList } from './board';
import { renderTableDocx } from './docx-tables';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

function sendDocx(reply: FastifyReply, fileName: string, body: Buffer) {
  return reply
    .header('content-type', DOCX)
    .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(fileName)}`)
    .send(body);
}

/** Per call: the board by state and budget, the ranking (Excel and Word), the publicity list (Word). */
export function reportRoutes(deps: Deps) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const tags = ['projects'];
    const config = { access: 'projects.read' as const };
    const params = idParamSchema;

    r.get(
      '/calls/:id/board',
      { config, schema: { tags, params, response: { 200: boardSchema } } },
      async (req) => callBoard(deps, actorOf(req), req.params.id),
    );

    r.get(
      '/calls/:id/ranking',
      { config, schema: { tags, params, response: { 200: listResponse(rankingItemSchema) } } },
      async (req) => {
        const { items, total } = await callRanking(deps, actorOf(req), req.params.id);
        return { items, total };
      },
    );

    r.get('/calls/:id/ranking/export.xlsx', { config, schema: { tags, params } }, async (req, reply) => {
      const { call, items } = await callRanking(deps, actorOf(req), req.params.id);
      await auditRead(req, { action: 'call.ranking.export', object: { type: 'call', id: req.params.id } });
      return sendXlsx(
        reply,
        `${call.title}-评审排序.xlsx`,
        '评审排序',
        [
          { header: '排名', width: 8, value: (x) => x.rank },
          { header: '项目名称', width: 40, value: (x) => x.title },
          { header: '申报单位', width: 32, value: (x) => x.orgName },
          { header: '所属区域', value: (x) => x.regionName },
          { header: '评审得分', value: (x) => x.panelScore },
          { header: '申请金额(万元)', value: (x) => x.requestedAmount },
          { header: '拟资助(万元)', value: (x) => x.proposedAmount },
          { header: '批准金额(万元)', value: (x) => x.approvedAmount },
          { header: '状态', value: (x) => stateName(x.state).zh },
        ],
        oneBatch(items),
      );
    });

    r.get('/calls/:id/ranking.docx', { config, schema: { tags, params } }, async (req, reply) => {
      const { call, items } = await callRanking(deps, actorOf(req), req.params.id);
      await auditRead(req, { action: 'call.ranking.download', object: { type: 'call', id: req.params.id } });
      const doc = await renderTableDocx({
        title: `${call.title}评审结果排序表`,
        paragraphs: [
          `共 ${items.length} 项，按专家评审得分由高到低排列（评审得分为去掉一个最高分和一个最低分后的平均分）。`,
        ],
        header: [
          '排名',
          '项目名称',
          '申报单位',
          '所属区域',
          '评审得分',
          '申请金额（万元）',
          '拟资助（万元）',
          '状态',
        ],
        rows: items.map((x) => [
          String(x.rank),
          x.title,
          x.orgName,
          x.regionName,
          x.panelScore ?? '—',
          x.requestedAmount ?? '—',
          x.proposedAmount ?? '—',
          stateName(x.state).zh,
        ]),
        weights: [6, 30, 24, 10, 8, 10, 10, 12],
        numeric: [true, false, false, false, true, true, true, false],
      });
      return sendDocx(reply, `${call.title}-评审排序.docx`, doc);
    });

    r.get('/calls/:id/publicity.docx', { config, schema: { tags, params } }, async (req, reply) => {
      const { call, items } = await publicityList(deps, actorOf(req), req.params.id);
      await auditRead(req, {
        action: 'call.publicity.download',
        object: { type: 'call', id: req.params.id },
      });
      const from =
        items
          .map((x) => x.publicityFrom)
          .filter(Boolean)
          .sort()[0] ?? '—';
      const until =
        items
          .map((x) => x.publicityUntil)
          .filter(Boolean)
          .sort()
          .at(-1) ?? '—';
      const doc = await renderTableDocx({
        title: `${call.title}拟立项项目公示名单`,
        paragraphs: [
          `根据${call.title}的有关规定，经形式审查、专家评审和局领导审批，拟对以下 ${items.length} 个项目予以立项资助，现予公示。`,
          `公示期：${from} 至 ${until}（${call.publicityDays} 个工作日）。公示期间如有异议，请以书面形式向市科技局反映。`,
        ],
        header: ['序号', '项目名称', '申报单位', '所属区域', '资助金额（万元）', '公示期'],
        rows: items.map((x, i) => [
          String(i + 1),
          x.title,
          x.orgName,
          x.regionName,
          x.approvedAmount ?? '—',
          `${x.publicityFrom ?? '—'} 至 ${x.publicityUntil ?? '—'}`,
        ]),
        weights: [6, 32, 26, 10, 10, 16],
        numeric: [true, false, false, false, true, false],
      });
      return sendDocx(reply, `${call.title}-公示名单.docx`, doc);
    });
  };
}
