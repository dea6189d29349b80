import { customType, numeric } from 'drizzle-orm/pg-core';

/** Column types the schema files share. */
export const bytea = customType<{ data: Buffer }>({ dataType: () => 'bytea' });
export const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

/** Money in 万元, exact: numeric in SQL, strings on the wire. */
export const wan = (name: string) => numeric(name, { precision: 18, scale: 2 });
