import type { FastifyInstance } from 'fastify';
import { platformItemSchema } from '../../../domain/contracts/registry';
import {
  facilityEndBodySchema,
  platformBodySchema,
  platformDetailSchema,
  platformListQuerySchema,
  platformUpdateSchema,
} from '../../../domain/contracts/registry-facilities';
import { LEVEL_NAMES, PLATFORM_KIND_NAMES, RECORD_STATUS_NAMES } from '../../../domain/registry';
import type { Deps } from '../../platform/deps';
import { type ListSpec, listRoutes } from '../../platform/list-kit';
import { changes, creates, reads, recordRoutes } from '../../platform/record-kit';
import { countPlatforms, listPlatforms, type PlatformRow, platformsAfter } from './platforms-repo';
import { createPlatform, endPlatform, platformDetail, updatePlatform } from './platforms-service';

/** The list and its spreadsheet twin (see platform/list-kit.ts). */
const PLATFORMS_LIST: ListSpec<typeof platformListQuerySchema, PlatformRow> = {
  path: '/platforms',
  access: 'registry.read',
  tags: ['registry'],
  query: platformListQuerySchema,
  item: platformItemSchema,
  rows: (deps, { scope }, q, limit, offset) => listPlatforms(deps.db, scope, q, deps.regions, limit, offset),
  count: (deps, { scope }, f) => countPlatforms(deps.db, scope, f, deps.regions),
  export: {
    name: '研发平台',
    audit: { action: 'platform.export', objectType: 'rd_platform' },
    columns: [
      { header: '平台名称', value: (p) => p.name, width: 36 },
      { header: '平台类型', value: (p) => PLATFORM_KIND_NAMES[p.kind].zh, width: 26 },
      { header: '级别', value: (p) => LEVEL_NAMES[p.level].zh },
      { header: '依托单位', value: (p) => p.hostOrgName, width: 36 },
      { header: '所属区域', value: (p) => p.regionName },
      { header: '认定日期', value: (p) => p.recognizedOn },
      { header: '文号', value: (p) => p.documentNo, width: 24 },
      { header: '状态', value: (p) => RECORD_STATUS_NAMES[p.status].zh },
      { header: '终止日期', value: (p) => p.endedOn },
    ],
    after: (deps, { scope }, f, afterId, limit) =>
      platformsAfter(deps.db, scope, f, deps.regions, afterId, limit),
  },
};

/** 研发平台: /api/v1/registry/platforms. */
export function platformRoutes(deps: Deps) {
  return async (app: FastifyInstance) => {
    listRoutes(app, deps, PLATFORMS_LIST);
    recordRoutes(app, deps, {
      path: '/platforms',
      tags: ['registry'],
      read: 'registry.read',
      write: 'registry.write',
      get: reads({ response: platformDetailSchema, run: platformDetail }),
      create: creates({ body: platformBodySchema, response: platformItemSchema, run: createPlatform }),
      update: changes({ body: platformUpdateSchema, response: platformItemSchema, run: updatePlatform }),
      moves: {
        end: changes({ body: facilityEndBodySchema, response: platformItemSchema, run: endPlatform }),
      },
    });
  };
}
