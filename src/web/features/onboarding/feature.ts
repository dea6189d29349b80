/** 门户与注册 on the web: its menu group, its pages and its dictionaries (see ../index.ts). */
import { UserAddOutlined } from '@ant-design/icons';
import { en } from './i18n/en';
import { zh } from './i18n/zh';
import { ONBOARDING_MENU } from './menu';

export const onboardingFeature = {
  key: 'onboarding',
  group: { labelKey: 'menu.group.onboarding', icon: UserAddOutlined },
  menu: ONBOARDING_MENU,
  zh,
  en,
} as const;
