import { describe, expect, it } from 'vitest';
import {
  DEFAULT_ROLE_PERMISSIONS,
  isPermission,
  PERMISSION_CODES,
  PERMISSIONS,
  ROLE_CODES,
  separationOfDutiesViolations,
} from './roles';

describe('permission catalogue assembled from the modules', () => {
  it('holds every module permission once, named after its module', () => {
    expect(PERMISSION_CODES).toContain('registry.read');
    expect(PERMISSION_CODES).toContain('projects.review');
    expect(new Set(PERMISSION_CODES).size).toBe(PERMISSION_CODES.length);
    for (const code of PERMISSION_CODES) expect(code).toMatch(/^[a-z]+\.[a-z-]+$/);
    expect(isPermission('plan.write')).toBe(true);
    expect(isPermission('toString')).toBe(false);
  });

  it('grants each role what its module declares, in catalogue order', () => {
    expect(DEFAULT_ROLE_PERMISSIONS.leader).toEqual([
      'registry.read',
      'plan.read',
      'projects.read',
      'projects.approve',
      'policies.read',
      'market.read',
      'contracts.read',
      'ip.read',
      'ip.cases',
      'finance.read',
      'agri.read',
      'agri.logs',
      'credit.read',
    ]);
    // A bank or fund user holds the finance module's reading and entering, nothing else.
    expect(DEFAULT_ROLE_PERMISSIONS.financier).toEqual(['finance.read', 'finance.manage', 'finance.import']);
    expect(DEFAULT_ROLE_PERMISSIONS.park).toEqual(['registry.read', 'market.read', 'ip.read']);
    for (const role of ROLE_CODES)
      for (const p of DEFAULT_ROLE_PERMISSIONS[role]) expect(PERMISSIONS[p].grantedTo).toContain(role);
  });

  it('keeps the three administrators apart in the default grants (三员分立)', () => {
    for (const role of ROLE_CODES)
      expect(separationOfDutiesViolations(role, DEFAULT_ROLE_PERMISSIONS[role])).toEqual([]);
    expect(separationOfDutiesViolations('staff', ['admin.audit'])).toEqual(['admin.audit']);
  });
});
