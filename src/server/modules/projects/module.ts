import { loadDemoProjects } from '../../db/demo/projects';
import type { ServerModule } from '../index';
import { publicSubmissionRoutes } from './applications/submissions-routes';
import { projectRoutes } from './routes';

export const projectsModule: ServerModule = {
  name: 'projects',
  prefix: 'projects',
  routes: projectRoutes,
  publicRoutes: publicSubmissionRoutes,
  // Needs the demo accounts (applicants, the expert, the county users).
  demo: ({ db, regions }) => loadDemoProjects(db, regions),
};
