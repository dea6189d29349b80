-- Trigram matching of organisation names (fuzzy search); available in PGlite and PostgreSQL contrib.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
--> statement-breakpoint
CREATE TABLE "carrier_annual" (
	"carrier_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"region_code" text NOT NULL,
	"startups_served" integer DEFAULT 0 NOT NULL,
	"teams_served" integer DEFAULT 0 NOT NULL,
	"area_m2" integer,
	"incubatees" integer,
	"graduates" integer,
	CONSTRAINT "carrier_annual_carrier_id_year_pk" PRIMARY KEY("carrier_id","year")
);
--> statement-breakpoint
CREATE TABLE "carriers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"operator_org_id" uuid NOT NULL,
	"region_code" text NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"level" text NOT NULL,
	"recognized_on" date NOT NULL,
	"document_no" text,
	"status" text DEFAULT 'active' NOT NULL,
	"ended_on" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "import_jobs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"status" text NOT NULL,
	"file_name" text NOT NULL,
	"file" "bytea",
	"created_by" uuid NOT NULL,
	"region_codes" text[],
	"total_rows" integer DEFAULT 0 NOT NULL,
	"processed_rows" integer DEFAULT 0 NOT NULL,
	"valid_rows" integer DEFAULT 0 NOT NULL,
	"error_count" integer DEFAULT 0 NOT NULL,
	"errors" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"mode" text,
	"valid_only" boolean DEFAULT false NOT NULL,
	"inserted" integer DEFAULT 0 NOT NULL,
	"updated" integer DEFAULT 0 NOT NULL,
	"message" jsonb,
	"bytes" bigint DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "org_annual_stats" (
	"org_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"region_code" text NOT NULL,
	"revenue" numeric(18, 2),
	"rd_expense" numeric(18, 2),
	"staff" integer,
	"st_staff" integer,
	"hitech_revenue" numeric(18, 2),
	"above_size" boolean DEFAULT false NOT NULL,
	"has_rd_activity" boolean DEFAULT false NOT NULL,
	"owns_core_tech" boolean DEFAULT false NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "org_annual_stats_org_id_year_pk" PRIMARY KEY("org_id","year")
);
--> statement-breakpoint
CREATE TABLE "organization_names" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"name" text NOT NULL,
	"used_until" timestamp with time zone DEFAULT now() NOT NULL,
	"changed_by" text
);
--> statement-breakpoint
CREATE TABLE "park_annual" (
	"park_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"region_code" text NOT NULL,
	"industrial_output" numeric(18, 2),
	"enterprises" integer,
	"hte_count" integer,
	CONSTRAINT "park_annual_park_id_year_pk" PRIMARY KEY("park_id","year")
);
--> statement-breakpoint
CREATE TABLE "qualifications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"region_code" text NOT NULL,
	"type_code" text NOT NULL,
	"level" text,
	"certificate_no" text,
	"issued_on" date NOT NULL,
	"valid_until" date,
	"document_no" text,
	"batch" text,
	"revoked" boolean DEFAULT false NOT NULL,
	"revoked_on" date,
	"revoke_reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "rd_platforms" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"host_org_id" uuid NOT NULL,
	"region_code" text NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"level" text NOT NULL,
	"recognized_on" date NOT NULL,
	"document_no" text,
	"status" text DEFAULT 'active' NOT NULL,
	"ended_on" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
DROP INDEX "organizations_region_idx";--> statement-breakpoint
ALTER TABLE "organizations" ADD COLUMN "park_id" uuid;--> statement-breakpoint
ALTER TABLE "organizations" ADD COLUMN "search_text" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "carrier_annual" ADD CONSTRAINT "carrier_annual_carrier_id_carriers_id_fk" FOREIGN KEY ("carrier_id") REFERENCES "public"."carriers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "carriers" ADD CONSTRAINT "carriers_operator_org_id_organizations_id_fk" FOREIGN KEY ("operator_org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "org_annual_stats" ADD CONSTRAINT "org_annual_stats_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organization_names" ADD CONSTRAINT "organization_names_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "park_annual" ADD CONSTRAINT "park_annual_park_id_parks_id_fk" FOREIGN KEY ("park_id") REFERENCES "public"."parks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "qualifications" ADD CONSTRAINT "qualifications_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rd_platforms" ADD CONSTRAINT "rd_platforms_host_org_id_organizations_id_fk" FOREIGN KEY ("host_org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "carrier_annual_year_idx" ON "carrier_annual" USING btree ("year","region_code");--> statement-breakpoint
CREATE INDEX "carriers_operator_idx" ON "carriers" USING btree ("operator_org_id");--> statement-breakpoint
CREATE INDEX "carriers_kind_idx" ON "carriers" USING btree ("kind","recognized_on");--> statement-breakpoint
CREATE INDEX "carriers_region_idx" ON "carriers" USING btree ("region_code");--> statement-breakpoint
CREATE INDEX "org_annual_stats_year_region_idx" ON "org_annual_stats" USING btree ("year","region_code");--> statement-breakpoint
CREATE INDEX "organization_names_org_idx" ON "organization_names" USING btree ("org_id");--> statement-breakpoint
CREATE INDEX "qualifications_org_idx" ON "qualifications" USING btree ("org_id");--> statement-breakpoint
CREATE INDEX "qualifications_type_valid_idx" ON "qualifications" USING btree ("type_code","issued_on","valid_until");--> statement-breakpoint
CREATE INDEX "qualifications_region_type_idx" ON "qualifications" USING btree ("region_code","type_code");--> statement-breakpoint
CREATE INDEX "qualifications_valid_until_idx" ON "qualifications" USING btree ("valid_until");--> statement-breakpoint
CREATE UNIQUE INDEX "qualifications_certificate_key" ON "qualifications" USING btree ("type_code","certificate_no") WHERE "qualifications"."certificate_no" is not null;--> statement-breakpoint
CREATE INDEX "rd_platforms_host_idx" ON "rd_platforms" USING btree ("host_org_id");--> statement-breakpoint
CREATE INDEX "rd_platforms_kind_idx" ON "rd_platforms" USING btree ("kind","recognized_on");--> statement-breakpoint
CREATE INDEX "rd_platforms_region_idx" ON "rd_platforms" USING btree ("region_code");--> statement-breakpoint
CREATE INDEX "organizations_industry_idx" ON "organizations" USING btree ("industry_code");--> statement-breakpoint
CREATE INDEX "organizations_park_idx" ON "organizations" USING btree ("park_id");--> statement-breakpoint
CREATE INDEX "organizations_search_idx" ON "organizations" USING gin (to_tsvector('simple', "search_text"));--> statement-breakpoint
CREATE INDEX "organizations_name_trgm_idx" ON "organizations" USING gin ("name" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "organizations_region_idx" ON "organizations" USING btree ("region_code","kind");