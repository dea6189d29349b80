-- List plans (docs/performance.md): each sortable column of the organisation list has an index in
-- its order, ending with the list's tie-breakers (name, id), that carries the filter columns a
-- clerk chooses (region, kind, 规上, park, industry). A page is read from such an index in order and
-- filtered on the index entries alone, without visiting the table, and stops at the page's end.
CREATE INDEX IF NOT EXISTS "organizations_name_list_idx" ON "organizations" ("name", "id") INCLUDE ("region_code", "kind", "above_size", "park_id", "industry_code");--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "organizations_region_name_list_idx" ON "organizations" ("region_code", "name", "id") INCLUDE ("kind", "above_size", "park_id", "industry_code");--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "organizations_region_desc_list_idx" ON "organizations" ("region_code" DESC, "name", "id") INCLUDE ("kind", "above_size", "park_id", "industry_code");--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "organizations_uscc_list_idx" ON "organizations" ("uscc", "id") INCLUDE ("region_code", "kind", "above_size", "park_id", "industry_code");--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "organizations_founded_list_idx" ON "organizations" ("founded_on", "name", "id") INCLUDE ("region_code", "kind", "above_size", "park_id", "industry_code");--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "organizations_updated_list_idx" ON "organizations" ("updated_at", "name", "id") INCLUDE ("region_code", "kind", "above_size", "park_id", "industry_code");--> statement-breakpoint
-- "Holds a qualification of type T valid on D", asked of one organisation at a time (the list's
-- filter and its column of valid qualifications), answered from the index alone.
CREATE INDEX IF NOT EXISTS "qualifications_org_type_valid_idx" ON "qualifications" ("org_id", "type_code", "issued_on") INCLUDE ("valid_until", "revoked", "revoked_on", "level");
