/** The market's lists and their spreadsheet twins (platform/list-kit.ts). */
import {
  achievementItemSchema,
  achievementListQuerySchema,
  callItemSchema,
  callListQuerySchema,
  demandItemSchema,
  demandListQuerySchema,
  eventItemSchema,
  eventListQuerySchema,
  matchItemSchema,
  matchListQuerySchema,
} from '../../../domain/contracts/market';
import {
  CALL_KIND_NAMES,
  CALL_STATUS_NAMES,
  DROP_REASON_NAMES,
  LISTING_STATUS_NAMES,
  MARKET_FIELD_NAMES,
  MATCH_STATUS_NAMES,
  MATURITY_NAMES,
  type MarketField,
  SOURCE_NAMES,
  TRANSFER_MODE_NAMES,
  type TransferMode,
} from '../../../domain/market';
import type { ListSpec } from '../../platform/list-kit';
import {
  type AchievementRow,
  achievementsAfter,
  countAchievements,
  listAchievements,
} from './achievements-repo';
import { type CallRow, callsAfter, countCalls, listCalls } from './calls-repo';
import { countDemands, type DemandRow, demandsAfter, listDemands } from './demands-repo';
import { countEvents, type EventRow, eventsAfter, listEvents } from './events-repo';
import { countMatches, listMatches, type MatchRow, matchesAfter } from './matches-repo';

const tags = ['market'];
const field = (code: string) => MARKET_FIELD_NAMES[code as MarketField]?.zh ?? code;
const price = (p: string | null) => p ?? '面议';

export const ACHIEVEMENTS_LIST: ListSpec<typeof achievementListQuerySchema, AchievementRow> = {
  path: '/achievements',
  access: 'market.read',
  tags,
  query: achievementListQuerySchema,
  item: achievementItemSchema,
  rows: (deps, { scope }, q, limit, offset) =>
    listAchievements(
      deps.db,
      scope,
      q,
      deps.regions,
      scope.kind === 'org' ? scope.orgId : null,
      limit,
      offset,
    ),
  count: (deps, { scope }, f) =>
    countAchievements(deps.db, scope, f, deps.regions, scope.kind === 'org' ? scope.orgId : null),
  export: {
    name: '科技成果',
    audit: { action: 'market.achievement.export', objectType: 'market_achievement' },
    columns: [
      { header: '成果名称', value: (a) => a.title, width: 40 },
      { header: '成果单位', value: (a) => a.ownerName, width: 30 },
      { header: '所属区域', value: (a) => a.regionName },
      { header: '技术领域', value: (a) => field(a.field) },
      { header: '成熟度', value: (a) => MATURITY_NAMES[a.maturity].zh },
      {
        header: '转化方式',
        value: (a) => a.transferModes.map((m) => TRANSFER_MODE_NAMES[m as TransferMode]?.zh ?? m).join('、'),
        width: 24,
      },
      { header: '价格（万元）', value: (a) => price(a.price) },
      {
        header: '来源',
        value: (a) => `${SOURCE_NAMES[a.source].zh}${a.sourceBatch ? ` ${a.sourceBatch}` : ''}`,
      },
      { header: '状态', value: (a) => LISTING_STATUS_NAMES[a.status].zh },
      { header: '发布日期', value: (a) => a.publishedOn },
    ],
    after: (deps, { scope }, f, afterId, limit) =>
      achievementsAfter(
        deps.db,
        scope,
        f,
        deps.regions,
        scope.kind === 'org' ? scope.orgId : null,
        afterId,
        limit,
      ),
  },
};

export const DEMANDS_LIST: ListSpec<typeof demandListQuerySchema, DemandRow> = {
  path: '/demands',
  access: 'market.read',
  tags,
  query: demandListQuerySchema,
  item: demandItemSchema,
  rows: (deps, { scope }, q, limit, offset) =>
    listDemands(deps.db, scope, q, deps.regions, scope.kind === 'org' ? scope.orgId : null, limit, offset),
  count: (deps, { scope }, f) =>
    countDemands(deps.db, scope, f, deps.regions, scope.kind === 'org' ? scope.orgId : null),
  export: {
    name: '技术需求',
    audit: { action: 'market.demand.export', objectType: 'market_demand' },
    columns: [
      { header: '需求名称', value: (d) => d.title, width: 40 },
      { header: '需求单位', value: (d) => d.orgName, width: 30 },
      { header: '所属区域', value: (d) => d.regionName },
      { header: '技术领域', value: (d) => field(d.field) },
      { header: '预算下限（万元）', value: (d) => d.budgetMin },
      { header: '预算上限（万元）', value: (d) => d.budgetMax },
      { header: '截止日期', value: (d) => d.deadline },
      { header: '状态', value: (d) => LISTING_STATUS_NAMES[d.status].zh },
      { header: '发布日期', value: (d) => d.publishedOn },
    ],
    after: (deps, { scope }, f, afterId, limit) =>
      demandsAfter(
        deps.db,
        scope,
        f,
        deps.regions,
        scope.kind === 'org' ? scope.orgId : null,
        afterId,
        limit,
      ),
  },
};

export const MATCHES_LIST: ListSpec<typeof matchListQuerySchema, MatchRow> = {
  path: '/matches',
  access: 'market.read',
  tags,
  query: matchListQuerySchema,
  item: matchItemSchema,
  rows: (deps, { scope }, q, limit, offset) => listMatches(deps.db, scope, q, limit, offset),
  count: (deps, { scope }, f) => countMatches(deps.db, scope, f),
  export: {
    name: '成果需求对接',
    audit: { action: 'market.match.export', objectType: 'market_match' },
    columns: [
      { header: '需求', value: (m) => m.demandTitle, width: 36 },
      { header: '需求单位', value: (m) => m.demandOrgName, width: 28 },
      { header: '成果', value: (m) => m.achievementTitle, width: 36 },
      { header: '成果单位', value: (m) => m.achievementOrgName, width: 28 },
      { header: '需求方区域', value: (m) => m.regionName },
      { header: '状态', value: (m) => MATCH_STATUS_NAMES[m.status].zh },
      { header: '不再推进原因', value: (m) => (m.dropReason ? DROP_REASON_NAMES[m.dropReason].zh : null) },
      { header: '联系日期', value: (m) => m.contactedOn },
      { header: '结束日期', value: (m) => m.closedOn },
    ],
    after: (deps, { scope }, f, afterId, limit) => matchesAfter(deps.db, scope, f, afterId, limit),
  },
};

export const CALLS_LIST: ListSpec<typeof callListQuerySchema, CallRow> = {
  path: '/calls',
  access: 'market.read',
  tags,
  query: callListQuerySchema,
  item: callItemSchema,
  rows: (deps, { scope }, q, limit, offset) => listCalls(deps.db, scope, q, limit, offset),
  count: (deps, { scope }, f) => countCalls(deps.db, scope, f),
  export: {
    name: '揭榜项目',
    audit: { action: 'market.call.export', objectType: 'market_call' },
    columns: [
      { header: '榜单名称', value: (c) => c.title, width: 40 },
      { header: '类别', value: (c) => CALL_KIND_NAMES[c.kind].zh },
      { header: '批次', value: (c) => c.batch },
      { header: '需求单位', value: (c) => c.orgName, width: 28 },
      { header: '所属区域', value: (c) => c.regionName },
      { header: '状态', value: (c) => CALL_STATUS_NAMES[c.status].zh },
      { header: '截止日期', value: (c) => c.closesOn },
      { header: '方案数', value: (c) => c.proposals },
    ],
    after: (deps, { scope }, f, afterId, limit) => callsAfter(deps.db, scope, f, afterId, limit),
  },
};

export const EVENTS_LIST: ListSpec<typeof eventListQuerySchema, EventRow> = {
  path: '/events',
  access: 'market.read',
  tags,
  query: eventListQuerySchema,
  item: eventItemSchema,
  rows: (deps, { scope }, q, limit, offset) => listEvents(deps.db, scope, q, deps.regions, limit, offset),
  count: (deps, { scope }, f) => countEvents(deps.db, scope, f, deps.regions),
  export: {
    name: '推介会',
    audit: { action: 'market.event.export', objectType: 'market_event' },
    columns: [
      { header: '推介会', value: (e) => e.title, width: 40 },
      { header: '举办日期', value: (e) => e.heldOn },
      { header: '地点', value: (e) => e.venue, width: 24 },
      { header: '区域', value: (e) => e.regionName },
      { header: '参会人数', value: (e) => e.attendees },
      { header: '推介成果数', value: (e) => e.presented },
      { header: '促成对接数', value: (e) => e.contacts },
    ],
    after: (deps, { scope }, f, afterId, limit) =>
      eventsAfter(deps.db, scope, f, deps.regions, afterId, limit),
  },
};
