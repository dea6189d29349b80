import type { Locale } from '../../../../domain/message';
import { pick } from '../../../../domain/message';
import { isPermission, PERMISSIONS } from '../../../../domain/roles';
import type { PermissionInfo } from '../api';

/** The catalogue in roles.ts names permissions; the server's name covers codes the web does not know yet. */
export function permissionLabel(code: string, locale: Locale, catalogue?: PermissionInfo[]): string {
  if (isPermission(code)) return pick(PERMISSIONS[code].name, locale);
  const info = catalogue?.find((p) => p.code === code);
  if (!info) return code;
  return locale === 'en' ? info.nameEn : info.name;
}
