/** Who may do what to a technology contract (pure rules over the actor, the region tree and the row). */
import {
  CONTRACT_ACTION_CODES,
  CONTRACT_TRANSITIONS,
  type ContractAction,
  type ContractStatus,
} from '../../../domain/tech-contracts';
import type { Actor } from '../../platform/actor';
import type { RegionTree } from '../../platform/region-tree';

/** 登记机构 of a seller's region: its county (a zone's county), or the city when it has none. */
export function registrarRegionOf(tree: RegionTree, regionCode: string): string {
  let r = tree.get(regionCode);
  while (r && r.level === 'zone' && r.parentCode) r = tree.get(r.parentCode);
  if (r?.level === 'county') return r.code;
  return tree.rows.find((x) => x.level === 'city')!.code;
}

interface Row {
  sellerOrgId: string;
  registrarRegion: string;
  status: ContractStatus;
}

export function isSeller(actor: Actor, row: { sellerOrgId: string }): boolean {
  return actor.permissions.has('contracts.submit') && !!actor.orgId && actor.orgId === row.sellerOrgId;
}

/** A county's bureau registers its sellers' contracts; the city's bureau the rest. */
export function isRegistrar(actor: Actor, tree: RegionTree, row: { registrarRegion: string }): boolean {
  if (!actor.permissions.has('contracts.register')) return false;
  const level = tree.get(row.registrarRegion)?.level;
  if (actor.role === 'county') return level === 'county' && actor.regionCode === row.registrarRegion;
  return actor.role === 'staff' && level === 'city';
}

/** Why an action is refused: 'role' (not this actor's to take) or 'state' (not from this status). */
export function actionRefusal(
  actor: Actor,
  tree: RegionTree,
  row: Row,
  action: ContractAction,
): 'role' | 'state' | null {
  const t = CONTRACT_TRANSITIONS[action];
  const mayAct = t.by === 'seller' ? isSeller(actor, row) : isRegistrar(actor, tree, row);
  if (!mayAct) return 'role';
  return (t.from as readonly ContractStatus[]).includes(row.status) ? null : 'state';
}

export function actionsFor(actor: Actor, tree: RegionTree, row: Row): ContractAction[] {
  return CONTRACT_ACTION_CODES.filter((a) => actionRefusal(actor, tree, row, a) === null);
}

/** The seller edits its contract while it is a draft or returned for correction. */
export function canEdit(actor: Actor, row: Row): boolean {
  return isSeller(actor, row) && (row.status === 'draft' || row.status === 'returned');
}
