DROP INDEX "organizations_region_idx";--> statement-breakpoint
CREATE INDEX "organizations_region_kind_above_name_idx" ON "organizations" USING btree ("region_code","kind","above_size","name","id");