/**
 * The administrators' pages (三员) on the web: top-level entries, no group; their texts are the
 * app's own (app/i18n), so no dictionaries of their own (see ../index.ts).
 */
import { ADMIN_MENU } from './menu';

export const adminFeature = { key: 'admin', menu: ADMIN_MENU, zh: {}, en: {} } as const;
