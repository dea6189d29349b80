/** The technology market on the web: its menu group, its pages and its dictionaries (see ../index.ts). */
import { ShopOutlined } from '@ant-design/icons';
import { en } from './i18n/en';
import { zh } from './i18n/zh';
import { MARKET_MENU } from './menu';

export const marketFeature = {
  key: 'market',
  group: { labelKey: 'menu.group.market', icon: ShopOutlined },
  menu: MARKET_MENU,
  zh,
  en,
} as const;
