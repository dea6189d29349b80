/**
 * Sign-in, the second factor and the password change: pages outside the menu (the router mounts
 * them), so only their texts come through the feature list.
 */
import { en } from './i18n/en';
import { zh } from './i18n/zh';

export const authFeature = { key: 'auth', menu: [], zh, en } as const;
