/** Who may write which 科技金融 record (pure rules; the SQL scope is recordScope in repo.ts). */
import type { Actor } from '../../platform/actor';
import type { Scope } from '../../platform/scope';

/**
 * A manager writes records within its scope: the bureau any; a county those of its enterprises; a
 * bank or fund user (organisation scope) only its own institution's.
 */
export function canWriteRecord(
  actor: Actor,
  scope: Scope,
  rec: { regionCode: string; institutionId: string },
): boolean {
  if (!actor.permissions.has('finance.manage')) return false;
  switch (scope.kind) {
    case 'city':
      return true;
    case 'region':
      return scope.regionCodes.includes(rec.regionCode);
    case 'org':
      return rec.institutionId === scope.orgId;
    default:
      return false;
  }
}

/** The institution a new record is entered for: an organisation user's own, else the one named. */
export function institutionFor(scope: Scope, named: string | undefined): string | undefined {
  return scope.kind === 'org' ? (named ?? scope.orgId) : named;
}
