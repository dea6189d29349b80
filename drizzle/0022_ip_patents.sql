CREATE TABLE "ip_applicant_reviews" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name_key" text NOT NULL,
	"name" text NOT NULL,
	"reason" text NOT NULL,
	"candidates" jsonb NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"org_id" uuid,
	"import_id" uuid,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "ip_applicant_reviews_name_key_unique" UNIQUE("name_key")
);
--> statement-breakpoint
CREATE TABLE "ip_imports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"file_name" text NOT NULL,
	"status" text DEFAULT 'running' NOT NULL,
	"rows_read" integer DEFAULT 0 NOT NULL,
	"inserted" integer DEFAULT 0 NOT NULL,
	"updated" integer DEFAULT 0 NOT NULL,
	"events" integer DEFAULT 0 NOT NULL,
	"error_count" integer DEFAULT 0 NOT NULL,
	"errors" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"message" text,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "ip_legal_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"patent_id" uuid NOT NULL,
	"on_date" date NOT NULL,
	"status" text NOT NULL,
	"label" text NOT NULL,
	"import_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ip_patents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"app_no" text NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"applicants" jsonb NOT NULL,
	"applicant_names" text NOT NULL,
	"applicant_keys" text[] NOT NULL,
	"org_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"inventors" text DEFAULT '' NOT NULL,
	"address" text,
	"filed_on" date NOT NULL,
	"published_on" date,
	"granted_on" date,
	"ended_on" date,
	"status" text NOT NULL,
	"ipc_main" text,
	"region_code" text,
	"import_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "ip_patents_app_no_unique" UNIQUE("app_no")
);
--> statement-breakpoint
ALTER TABLE "ip_legal_events" ADD CONSTRAINT "ip_legal_events_patent_id_ip_patents_id_fk" FOREIGN KEY ("patent_id") REFERENCES "public"."ip_patents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ip_patents" ADD CONSTRAINT "ip_patents_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "ip_applicant_reviews_status_idx" ON "ip_applicant_reviews" USING btree ("status","created_at");--> statement-breakpoint
CREATE INDEX "ip_legal_events_patent_idx" ON "ip_legal_events" USING btree ("patent_id","on_date");--> statement-breakpoint
CREATE INDEX "ip_patents_region_filed_idx" ON "ip_patents" USING btree ("region_code","filed_on");--> statement-breakpoint
CREATE INDEX "ip_patents_region_granted_idx" ON "ip_patents" USING btree ("region_code","granted_on");--> statement-breakpoint
CREATE INDEX "ip_patents_org_ids_idx" ON "ip_patents" USING gin ("org_ids");--> statement-breakpoint
CREATE INDEX "ip_patents_applicant_keys_idx" ON "ip_patents" USING gin ("applicant_keys");--> statement-breakpoint
CREATE INDEX "ip_patents_title_trgm_idx" ON "ip_patents" USING gin ("title" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "ip_patents_applicant_names_trgm_idx" ON "ip_patents" USING gin ("applicant_names" gin_trgm_ops);