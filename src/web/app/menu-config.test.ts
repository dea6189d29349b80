import { describe, expect, it } from 'vitest';
import type { Permission } from '../../domain/roles';
import { MENU, menuEntryFor, menuTree, visibleMenu } from './menu-config';

const holding =
  (...permissions: Permission[]) =>
  (p: Permission) =>
    permissions.includes(p);

describe('menu', () => {
  it('gives an organisation account its own record instead of the city-wide registry lists', () => {
    const keys = visibleMenu(holding('registry.read', 'registry.own-profile')).map((e) => e.key);
    expect(keys).toEqual(['registry-my-org', 'notifications']);
  });

  it('shows the signed-in entries to everyone, once, whatever they hold', () => {
    for (const abilities of [
      [],
      ['admin.audit'],
      ['projects.apply'],
      ['projects.read', 'projects.review'],
    ] as const) {
      const keys = visibleMenu(holding(...abilities)).map((e) => e.key);
      expect(keys.filter((k) => k === 'notifications')).toHaveLength(1);
    }
    expect(visibleMenu(holding()).map((e) => e.key)).toEqual(['notifications']);
  });

  it('gathers a module under its group where its first entry stands', () => {
    const staff = visibleMenu(holding('registry.read', 'registry.write', 'registry.import'));
    const tree = menuTree(staff);
    expect(tree).toHaveLength(2);
    expect(tree[0]).toMatchObject({ kind: 'group', group: 'registry' });
    expect(tree[1]).toMatchObject({ kind: 'entry', entry: { key: 'notifications' } });
    const admin = menuTree(visibleMenu(holding('admin.users', 'admin.departments')));
    expect(admin.every((n) => n.kind === 'entry')).toBe(true);
  });

  it('finds the entry of a record page, or the one standing in for it', () => {
    expect(menuEntryFor('/registry/orgs/9b2c0f0e-0000-4000-8000-000000000000')?.key).toBe('registry-orgs');
    const own = visibleMenu(holding('registry.read', 'registry.own-profile'));
    expect(menuEntryFor('/registry/orgs/9b2c0f0e-0000-4000-8000-000000000000', own)?.key).toBe(
      'registry-my-org',
    );
    expect(menuEntryFor('/registry/imports/9b2c0f0e-0000-4000-8000-000000000000')?.key).toBe(
      'registry-import',
    );
  });

  it('keeps paths unique, so every page has one route', () => {
    const paths = MENU.flatMap((e) => [e.path, ...(e.subRoutes ?? []).map((r) => r.path)]);
    expect(new Set(paths).size).toBe(paths.length);
  });
});
