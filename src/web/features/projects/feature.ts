/** The projects module on the web: its menu group, its pages and its dictionaries (see ../index.ts). */
import { ProjectOutlined } from '@ant-design/icons';
import { en } from './i18n/en';
import { zh } from './i18n/zh';
import { PROJECTS_MENU } from './menu';

export const projectsFeature = {
  key: 'projects',
  group: { labelKey: 'menu.group.projects', icon: ProjectOutlined },
  menu: PROJECTS_MENU,
  zh,
  en,
} as const;
