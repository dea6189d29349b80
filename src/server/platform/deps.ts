import type { Db, Driver } from '../db/client';
import type { RegionTree } from './region-tree';

/** What route modules are built with: the database and the configuration held in memory. */
export interface Deps {
  db: Db;
  driver: Driver;
  regions: RegionTree;
  loginAttemptsPerMinute: number;
}
