/** Who may act on a registration (pure rules; the SQL scope is in repo.ts). */
import type { RegistrationKind, RegistrationStatus } from '../../../domain/onboarding';
import type { Actor } from '../../platform/actor';
import type { Scope } from '../../platform/scope';

/**
 * A reviewer decides a pending request in its scope: a county its organisations, the city's staff
 * every request (experts are the city's to review: the pool is the city's).
 */
export function canDecide(
  actor: Actor,
  scope: Scope,
  reg: { kind: RegistrationKind; status: RegistrationStatus },
): boolean {
  if (!actor.permissions.has('onboarding.review') || reg.status !== 'pending') return false;
  return scope.kind === 'city' || (scope.kind === 'region' && reg.kind === 'org');
}

/** The county resets an approved organisation's unit administrator (on its stamped request). */
export function canResetAdmin(
  actor: Actor,
  reg: { kind: RegistrationKind; status: RegistrationStatus; userId: string | null },
): boolean {
  return (
    actor.permissions.has('onboarding.review') &&
    reg.kind === 'org' &&
    reg.status === 'approved' &&
    !!reg.userId
  );
}
