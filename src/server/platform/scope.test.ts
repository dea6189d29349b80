import { describe, expect, it } from 'vitest';
import regions from '../../../config/quanzhou/regions.json';
import type { Permission, RoleCode } from '../../domain/roles';
import type { Actor } from './actor';
import { RegionTree } from './region-tree';
import { inScope, regionCodesUnder, scopeOf } from './scope';

const tree = new RegionTree(regions as never);

function actor(role: RoleCode, extra: Partial<Actor> = {}): Actor {
  return {
    id: 'u1',
    username: 'u',
    displayName: 'u',
    role,
    regionCode: null,
    orgId: null,
    parkId: null,
    departmentId: null,
    permissions: new Set<Permission>(),
    sessionId: 's',
    mustChangePassword: false,
    ...extra,
  };
}

describe('data scope', () => {
  it('gives a county its own region and the functional zones that roll up into it', () => {
    const licheng = scopeOf(actor('county', { regionCode: '350502' }), tree);
    expect(licheng).toEqual({ kind: 'region', regionCodes: ['350502', '350500Z1'] });
    expect(inScope(licheng, { regionCode: '350500Z1' })).toBe(true);
    expect(inScope(licheng, { regionCode: '350503' })).toBe(false);
    const huian = scopeOf(actor('county', { regionCode: '350521' }), tree);
    expect(inScope(huian, { regionCode: '350500Z2' })).toBe(true);
    const jinjiang = scopeOf(actor('county', { regionCode: '350582' }), tree);
    expect(inScope(jinjiang, { regionCode: '350583' })).toBe(false);
    expect(inScope(jinjiang, { regionCode: null })).toBe(false);
  });

  it('gives leaders and staff the city, and the administrators nothing', () => {
    expect(scopeOf(actor('leader'), tree)).toEqual({ kind: 'city' });
    expect(inScope(scopeOf(actor('staff'), tree), { regionCode: '350583' })).toBe(true);
    for (const role of ['sysadmin', 'secadmin', 'auditadmin'] as const) {
      expect(inScope(scopeOf(actor(role), tree), { regionCode: '350582', orgId: 'o1' })).toBe(false);
    }
  });

  it('limits an organisation user to its organisation and shows nothing when unbound', () => {
    const ent = scopeOf(actor('enterprise', { orgId: 'o1' }), tree);
    expect(inScope(ent, { orgId: 'o1', regionCode: '350582' })).toBe(true);
    expect(inScope(ent, { orgId: 'o2', regionCode: '350582' })).toBe(false);
    expect(scopeOf(actor('enterprise'), tree)).toEqual({ kind: 'none' });
    expect(scopeOf(actor('county'), tree)).toEqual({ kind: 'none' });
  });

  it('limits an expert to what is assigned to them', () => {
    const s = scopeOf(actor('expert'), tree);
    expect(inScope(s, { assignedTo: ['u1'] })).toBe(true);
    expect(inScope(s, { assignedTo: ['u2'], regionCode: '350582' })).toBe(false);
  });

  it('looks regions up by code or name', () => {
    expect(tree.find('晋江市')?.code).toBe('350582');
    expect(tree.find('350500Z2')?.name).toBe('泉州台商投资区');
    expect(tree.find('nowhere')).toBeUndefined();
  });
});

describe('region filters', () => {
  it('leaves the city unfiltered when the tree is the whole table, and filters it to its regions when not', () => {
    expect(regionCodesUnder(tree, '350500')).toBeNull();
    expect(regionCodesUnder(tree, '350502')).toEqual(['350502', '350500Z1']);
    // The same city's tree in a table that holds another city too (a test's own).
    const part = new RegionTree(regions as never, false);
    expect(regionCodesUnder(part, '350500')?.sort()).toEqual(regions.map((r) => r.code).sort());
    expect(regionCodesUnder(part, undefined)).toBeNull();
  });
});
