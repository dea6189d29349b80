import { describe, expect, it } from 'vitest';
import { DEFAULT_ROLE_PERMISSIONS, type Permission, type RoleCode } from '../../../domain/roles';
import type { Actor } from '../../platform/actor';
import { RegionTree } from '../../platform/region-tree';
import { scopeOf } from '../../platform/scope';
import {
  actionRefusal,
  actionsFor,
  attachmentAbility,
  canEditApplication,
  hasAnyProjectPermission,
  mayChangeAttachment,
  projectScope,
  publicityOver,
} from './policy';

/** A county with a zone, and a second county: enough tree for region scopes. */
const TREE = new RegionTree([
  {
    code: 'C',
    name: '市',
    nameEn: 'City',
    level: 'city',
    parentCode: null,
    statsCountyCode: null,
    sort: 0,
    holdsData: true,
  },
  {
    code: 'A',
    name: '甲县',
    nameEn: 'A',
    level: 'county',
    parentCode: 'C',
    statsCountyCode: 'A',
    sort: 1,
    holdsData: true,
  },
  {
    code: 'AZ',
    name: '甲区',
    nameEn: 'AZ',
    level: 'zone',
    parentCode: 'A',
    statsCountyCode: 'A',
    sort: 2,
    holdsData: true,
  },
  {
    code: 'B',
    name: '乙县',
    nameEn: 'B',
    level: 'county',
    parentCode: 'C',
    statsCountyCode: 'B',
    sort: 3,
    holdsData: true,
  },
]);

function actor(role: RoleCode, bind: Partial<Actor> = {}, permissions?: Permission[]): Actor {
  return {
    id: `${role}-id`,
    username: role,
    displayName: role,
    role,
    regionCode: null,
    orgId: null,
    parkId: null,
    departmentId: null,
    permissions: new Set(permissions ?? DEFAULT_ROLE_PERMISSIONS[role]),
    sessionId: 's',
    mustChangePassword: false,
    ...bind,
  };
}

const APP = { orgId: 'org-1', regionCode: 'AZ', state: 'submitted' };
const applicant = actor('enterprise', { orgId: 'org-1' });
const stranger = actor('enterprise', { orgId: 'org-2' });
const countyA = actor('county', { regionCode: 'A' });
const countyB = actor('county', { regionCode: 'B' });
const staff = actor('staff');
const leader = actor('leader');
const refusal = (a: Actor, app: typeof APP, action: Parameters<typeof actionRefusal>[3]) =>
  actionRefusal(a, projectScope(a, TREE), app, action);

describe('projects policy', () => {
  it('gives no scope to a role without any project permission', () => {
    expect(hasAnyProjectPermission(staff)).toBe(true);
    const noPermissions = actor('staff', {}, []);
    expect(hasAnyProjectPermission(noPermissions)).toBe(false);
    expect(projectScope(noPermissions, TREE)).toEqual({ kind: 'none' });
    expect(projectScope(countyA, TREE)).toEqual(scopeOf(countyA, TREE));
    expect(projectScope(countyA, TREE)).toEqual({ kind: 'region', regionCodes: ['A', 'AZ'] });
  });

  it('lets a county recommend only in its own region, its zones included', () => {
    expect(refusal(countyA, APP, 'recommend')).toBeNull();
    expect(refusal(countyB, APP, 'recommend')).toBe('role');
  });

  it('lets an applicant act only on its own organisation’s applications', () => {
    const draft = { ...APP, state: 'draft' };
    expect(refusal(applicant, draft, 'submit')).toBeNull();
    expect(refusal(stranger, draft, 'submit')).toBe('role');
  });

  it('refuses another role’s action as role, and a wrong state as state', () => {
    expect(refusal(staff, APP, 'recommend')).toBe('role');
    expect(refusal(applicant, APP, 'submit')).toBe('state');
    expect(refusal(countyA, { ...APP, state: 'draft' }, 'recommend')).toBe('state');
  });

  it('refuses the role’s action when its permission has been taken from it', () => {
    const withoutRecommend = actor(
      'county',
      { regionCode: 'A' },
      DEFAULT_ROLE_PERMISSIONS.county.filter((p) => p !== 'projects.recommend'),
    );
    expect(refusal(withoutRecommend, APP, 'recommend')).toBe('role');
  });

  it('ends the publicity period the day after its last day', () => {
    expect(publicityOver(null, '2026-05-01')).toBe(false);
    expect(publicityOver('2026-05-01', '2026-04-30')).toBe(false);
    expect(publicityOver('2026-05-01', '2026-05-01')).toBe(false);
    expect(publicityOver('2026-05-01', '2026-05-02')).toBe(true);
  });

  it('offers 立项 only once the publicity is over, and only what the actor may do', () => {
    const published = { ...APP, state: 'publicity', publicityUntil: '2026-05-01' };
    const scope = projectScope(staff, TREE);
    expect(actionsFor(staff, scope, published, '2026-05-01')).not.toContain('establish');
    expect(actionsFor(staff, scope, published, '2026-05-02')).toContain('establish');
    expect(actionsFor(leader, projectScope(leader, TREE), published, '2026-05-02')).not.toContain(
      'establish',
    );
    const submitted = { ...APP, publicityUntil: null };
    expect(actionsFor(countyA, projectScope(countyA, TREE), submitted, '2026-05-02')).toEqual([
      'recommend',
      'county_return',
    ]);
    expect(actionsFor(countyB, projectScope(countyB, TREE), submitted, '2026-05-02')).toEqual([]);
  });

  it('lets the applicant edit and change any file while draft or returned, only the final report while under way', () => {
    for (const state of ['draft', 'returned']) {
      const app = { ...APP, state };
      expect(canEditApplication(applicant, app)).toBe(true);
      expect(attachmentAbility(applicant, app)).toBe('any');
      expect(mayChangeAttachment(applicant, app, 'plan')).toBe(true);
      expect(canEditApplication(stranger, app)).toBe(false);
      expect(attachmentAbility(staff, app)).toBeNull();
    }
    const running = { ...APP, state: 'in_progress' };
    expect(canEditApplication(applicant, running)).toBe(false);
    expect(attachmentAbility(applicant, running)).toBe('final_report');
    expect(mayChangeAttachment(applicant, running, 'final_report')).toBe(true);
    expect(mayChangeAttachment(applicant, running, 'plan')).toBe(false);
    expect(attachmentAbility(applicant, APP)).toBeNull();
    expect(mayChangeAttachment(applicant, APP, 'final_report')).toBe(false);
  });
});
