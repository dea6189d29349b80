import { randomUUID } from 'node:crypto';

/**
 * This server process, new at every start. Several servers share one database: the id marks the
 * work one of them owns (import jobs) and says on /api/health which one answered behind a proxy.
 */
export const INSTANCE_ID = randomUUID();
