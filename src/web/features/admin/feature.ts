/**
 * The administrators' pages (三员) on the web: top-level entries, no group.
 */
import { en } from './i18n/en';
import { zh } from './i18n/zh';
import { ADMIN_MENU } from './menu';

export const adminFeature = { key: 'admin', menu: ADMIN_MENU, zh, en } as const;
