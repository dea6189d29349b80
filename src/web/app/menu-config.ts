/**
 * The navigation: one line per page. The menu, the routes, the 403 guard and the home-page cards
 * are all built from this array, gathered from the feature list (src/web/features/index.ts); each
 * module keeps its own entries (features/<module>/menu.ts).
 * An entry shows only when `me.abilities` holds its permission, or to everyone signed in when it
 * asks for no more than that ('signed-in', as a server route's `config.access`).
 */
import type { ComponentType, LazyExoticComponent } from 'react';
import type { Permission } from '../../domain/roles';
import { FEATURES, type GroupedFeature } from '../features';
import type { MessageKey } from './i18n';

type Page = LazyExoticComponent<ComponentType>;

/** Who sees an entry: the holders of a permission, or every signed-in user. */
export type MenuAccess = Permission | 'signed-in';

/** Whether a user with these abilities may open a page of this access. */
export function mayOpen(access: MenuAccess, can: (permission: Permission) => boolean): boolean {
  return access === 'signed-in' || can(access);
}

/** A module's pages sit together under one expandable item of the side menu. */
export type MenuGroupKey = GroupedFeature['key'];
export interface MenuGroup {
  labelKey: MessageKey;
  icon: ComponentType;
}
export const MENU_GROUPS = Object.fromEntries(
  FEATURES.filter((f): f is GroupedFeature => 'group' in f).map((f): [MenuGroupKey, MenuGroup] => [
    f.key,
    f.group,
  ]),
) as Record<MenuGroupKey, MenuGroup>;

export interface MenuEntry {
  key: string;
  path: string;
  icon: ComponentType;
  labelKey: MessageKey;
  /** One sentence for the home-page card. */
  descriptionKey: MessageKey;
  permission: MenuAccess;
  page: Page;
  group?: MenuGroupKey;
  /** Pages below this one (a record, a job), reached by links, under the same permission. */
  subRoutes?: readonly { path: string; page: Page }[];
  /**
   * Left out of the menu and home page (the route stays) for users holding this permission: an
   * organisation's own account reads one record, so city-wide lists would only be clutter.
   */
  hiddenWith?: Permission;
  /** Other paths on which this entry shows as the current one, when the owner of those is hidden. */
  alsoActiveOn?: readonly string[];
}

export const MENU: readonly MenuEntry[] = FEATURES.flatMap((feature) => feature.menu);

export function visibleMenu(can: (permission: Permission) => boolean): MenuEntry[] {
  return MENU.filter(
    (entry) => mayOpen(entry.permission, can) && !(entry.hiddenWith && can(entry.hiddenWith)),
  );
}

/** The entry whose page is showing, for the selected menu item and the document title. */
export function menuEntryFor(pathname: string, entries: readonly MenuEntry[] = MENU): MenuEntry | undefined {
  return (
    entries.find((entry) => pathname === entry.path || pathname.startsWith(`${entry.path}/`)) ??
    entries.find((entry) => entry.alsoActiveOn?.some((prefix) => pathname.startsWith(prefix)))
  );
}

export type MenuNode =
  | { kind: 'entry'; entry: MenuEntry }
  | { kind: 'group'; group: MenuGroupKey; entries: MenuEntry[] };

/** Entries in menu order, those of a group gathered where the group's first entry stands. */
export function menuTree(entries: readonly MenuEntry[]): MenuNode[] {
  const nodes: MenuNode[] = [];
  for (const entry of entries) {
    if (!entry.group) {
      nodes.push({ kind: 'entry', entry });
      continue;
    }
    const group = nodes.find((n) => n.kind === 'group' && n.group === entry.group);
    if (group?.kind === 'group') group.entries.push(entry);
    else nodes.push({ kind: 'group', group: entry.group, entries: [entry] });
  }
  return nodes;
}
