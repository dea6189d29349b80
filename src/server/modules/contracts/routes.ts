import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { idParamSchema, okSchema } from '../../../domain/contracts/common';
import {
  contractActionBodySchema,
  contractActionParamSchema,
  contractBodySchema,
  contractDetailSchema,
  contractFileSchema,
  contractImportQuerySchema,
  contractImportResultSchema,
  contractItemSchema,
  contractListQuerySchema,
  contractUpdateSchema,
  contractVerifySchema,
  registrationNoParamSchema,
} from '../../../domain/contracts/tech-contracts';
import { msg } from '../../../domain/message';
import {
  BUYER_KINDS,
  type BuyerKind,
  CONTRACT_STATUS,
  CONTRACT_TYPES,
  type ContractType,
  subTypeName,
} from '../../../domain/tech-contracts';
import { actorOf, auditContext } from '../../platform/access';
import { auditRead } from '../../platform/audit-trail';
import { clock } from '../../platform/clock';
import type { Deps } from '../../platform/deps';
import { invalid, notFound } from '../../platform/errors';
import { type ListSpec, listRoutes } from '../../platform/list-kit';
import { changes, creates, reads, recordRoutes } from '../../platform/record-kit';
import { readUpload } from '../../platform/uploads';
import { contentDisposition } from '../projects/applications/attachments-service';
import { act } from './actions';
import { certificateDocx, DOCX, registrarName } from './certificate';
import { addContractFile, deleteContractFile, loadVisibleFile } from './files';
import { importContracts, importTemplate } from './import';
import { byRegistrationNo, type ContractRow, contractsAfter, countContracts, listContracts } from './repo';
import { contractDetail, createContract, updateContract } from './service';

const tags = ['contracts'];

const CONTRACTS_LIST: ListSpec<typeof contractListQuerySchema, ContractRow> = {
  path: '',
  access: 'contracts.read',
  tags,
  query: contractListQuerySchema,
  item: contractItemSchema,
  rows: (deps, { scope }, q, limit, offset) =>
    listContracts(deps.db, scope, q, deps.regions, clock.today(), limit, offset),
  count: (deps, { scope }, f) => countContracts(deps.db, scope, f, deps.regions, clock.today()),
  export: {
    name: '技术合同',
    audit: { action: 'tech_contract.export', objectType: 'tech_contract' },
    columns: [
      { header: '登记编号', value: (c) => c.registrationNo, width: 20 },
      { header: '合同名称', value: (c) => c.title, width: 40 },
      { header: '合同类别', value: (c) => CONTRACT_TYPES[c.typeCode as ContractType]?.name.zh ?? c.typeCode },
      { header: '合同子类', value: (c) => subTypeName(c.typeCode, c.subTypeCode)?.zh ?? c.subTypeCode },
      { header: '卖方', value: (c) => c.sellerName, width: 30 },
      { header: '卖方统一社会信用代码', value: (c) => c.sellerUscc, width: 22 },
      { header: '所属区域', value: (c) => c.regionName },
      { header: '买方', value: (c) => c.buyerName, width: 30 },
      { header: '买方类别', value: (c) => BUYER_KINDS[c.buyerKind as BuyerKind]?.zh ?? c.buyerKind },
      { header: '币种', value: (c) => c.currency },
      { header: '汇率', value: (c) => Number(c.exchangeRate) },
      { header: '合同成交额（万元）', value: (c) => Number(c.contractAmount) },
      { header: '技术交易额（万元）', value: (c) => Number(c.techAmount) },
      { header: '签订日期', value: (c) => c.signedOn },
      { header: '状态', value: (c) => CONTRACT_STATUS[c.status].zh },
      { header: '提交日期', value: (c) => c.submittedOn },
      { header: '登记日期', value: (c) => c.registeredOn },
      { header: '撤销日期', value: (c) => c.cancelledOn },
    ],
    after: (deps, { scope }, f, afterId, limit) =>
      contractsAfter(deps.db, scope, f, deps.regions, clock.today(), afterId, limit),
  },
};

/** The address printed (and in the QR code) on a certificate: the public site's check of it (电子核验). */
const verifyUrl = (req: FastifyRequest) => (no: string) =>
  `${req.protocol}://${req.host}/public/verify/contract/${no}`;

/** 技术合同认定登记: /api/v1/contracts. */
export function contractRoutes(deps: Deps) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const read = { access: 'contracts.read' as const };
    const submit = { access: 'contracts.submit' as const };

    listRoutes(app, deps, CONTRACTS_LIST);

    r.get(
      '/import/template.xlsx',
      {
        config: { access: 'contracts.import', produces: 'file' },
        schema: { tags, summary: '外地登记技术合同导入模板' },
      },
      async (_req, reply) =>
        reply
          .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
          .header('content-disposition', contentDisposition('技术合同导入模板.xlsx'))
          .send(await importTemplate()),
    );

    r.post(
      '/import',
      {
        config: { access: 'contracts.import' },
        schema: {
          tags,
          summary: '导入外地已登记的技术合同（省系统导出表）',
          querystring: contractImportQuerySchema,
          consumes: ['multipart/form-data'],
          response: { 200: contractImportResultSchema },
        },
      },
      async (req) => {
        const { file } = await readUpload(req);
        return importContracts(deps, auditContext(req), actorOf(req), file, {
          dryRun: req.query.dryRun === 'true',
          validOnly: req.query.validOnly === 'true',
        });
      },
    );

    recordRoutes(app, deps, {
      path: '',
      tags,
      read: 'contracts.read',
      write: 'contracts.submit',
      get: reads({ response: contractDetailSchema, run: contractDetail }),
      create: creates({ body: contractBodySchema, response: contractDetailSchema, run: createContract }),
      update: changes({
        method: 'PUT',
        body: contractUpdateSchema,
        response: contractDetailSchema,
        run: updateContract,
      }),
    });

    r.post(
      '/:id/actions/:action',
      {
        config: read,
        schema: {
          tags,
          params: contractActionParamSchema,
          body: contractActionBodySchema,
          response: { 200: contractDetailSchema },
        },
      },
      async (req) => act(deps, auditContext(req), actorOf(req), req.params.id, req.params.action, req.body),
    );

    r.post(
      '/:id/files',
      {
        config: submit,
        schema: {
          tags,
          params: idParamSchema,
          consumes: ['multipart/form-data'],
          response: { 201: contractFileSchema },
        },
      },
      async (req, reply) => {
        const { file, fileName } = await readUpload(req);
        if (!fileName || fileName.length > 200)
          throw invalid('file', msg('文件名为空或过长（200 字以内）', 'The file name is empty or too long'));
        const saved = await addContractFile(deps, auditContext(req), actorOf(req), req.params.id, {
          file,
          fileName,
        });
        return reply.status(201).send(saved);
      },
    );

    r.get(
      '/files/:id',
      { config: { ...read, produces: 'file' }, schema: { tags, params: idParamSchema } },
      async (req, reply) => {
        const file = await loadVisibleFile(deps.db, deps, actorOf(req), req.params.id);
        await auditRead(req, {
          action: 'tech_contract.file.download',
          object: { type: 'tech_contract_file', id: file.id },
          details: { fileName: file.fileName },
        });
        return reply
          .header('content-type', file.mime)
          .header('content-disposition', contentDisposition(file.fileName))
          .header('x-content-type-options', 'nosniff')
          .header('cache-control', 'private, no-store')
          .send(Buffer.from(file.content));
      },
    );

    r.delete(
      '/files/:id',
      { config: submit, schema: { tags, params: idParamSchema, response: { 200: okSchema } } },
      async (req) => deleteContractFile(deps, auditContext(req), actorOf(req), req.params.id),
    );

    r.get(
      '/:id/certificate.docx',
      {
        config: { ...read, produces: 'file' },
        schema: { tags, summary: '下载技术合同登记证明（Word，含核验二维码）', params: idParamSchema },
      },
      async (req, reply) => {
        const doc = await certificateDocx(deps, actorOf(req), req.params.id, verifyUrl(req));
        await auditRead(req, {
          action: 'tech_contract.certificate.download',
          object: { type: 'tech_contract', id: req.params.id },
          details: { registrationNo: doc.no },
        });
        return reply
          .header('content-type', DOCX)
          .header('content-disposition', contentDisposition(`技术合同登记证明-${doc.no}.docx`))
          .send(doc.body);
      },
    );
  };
}

/**
 * /api/v1/public/contracts/verify/:registrationNo — anyone holding a certificate checks it: whether
 * the number is on record, its status, day and type; never the parties' amounts. Rate-limited.
 */
export function publicContractRoutes(deps: Deps) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    r.get(
      '/verify/:registrationNo',
      {
        config: { access: 'public', rateLimit: { max: 30, timeWindow: '1 minute' } },
        schema: {
          tags,
          summary: '核验技术合同登记编号：是否登记、状态、登记日期与合同类别',
          params: registrationNoParamSchema,
          response: { 200: contractVerifySchema },
        },
      },
      async (req) => {
        const row = await byRegistrationNo(deps.db, req.params.registrationNo);
        if (!row) throw notFound(msg('技术合同登记编号', 'registration number'));
        await auditRead(req, {
          action: 'tech_contract.verify',
          object: { type: 'tech_contract' },
          details: { registrationNo: row.registrationNo },
        });
        const { registrarRegion, ...rest } = row;
        return { ...rest, registrarName: registrarName(deps, registrarRegion) };
      },
    );
  };
}
