CREATE TABLE "finance_institutions" (
	"org_id" uuid PRIMARY KEY NOT NULL,
	"type" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "finance_records" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"institution_id" uuid NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"region_code" text NOT NULL,
	"start_on" date NOT NULL,
	"end_on" date,
	"instrument" text,
	"amount" numeric(18, 2),
	"cover" numeric(18, 2),
	"term_months" integer,
	"guarantee_free" boolean DEFAULT false NOT NULL,
	"board" text,
	"round" text,
	"ref_no" text,
	"app_no" text,
	"patent_id" uuid,
	"note" text,
	"source" text DEFAULT 'entry' NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "finance_institutions" ADD CONSTRAINT "finance_institutions_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "finance_records" ADD CONSTRAINT "finance_records_institution_id_finance_institutions_org_id_fk" FOREIGN KEY ("institution_id") REFERENCES "public"."finance_institutions"("org_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "finance_records" ADD CONSTRAINT "finance_records_enterprise_id_organizations_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "finance_records" ADD CONSTRAINT "finance_records_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "finance_records" ADD CONSTRAINT "finance_records_patent_id_ip_patents_id_fk" FOREIGN KEY ("patent_id") REFERENCES "public"."ip_patents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "finance_records_kind_start_idx" ON "finance_records" USING btree ("kind","start_on");--> statement-breakpoint
CREATE INDEX "finance_records_institution_idx" ON "finance_records" USING btree ("institution_id","kind");--> statement-breakpoint
CREATE INDEX "finance_records_enterprise_idx" ON "finance_records" USING btree ("enterprise_id");--> statement-breakpoint
CREATE INDEX "finance_records_region_idx" ON "finance_records" USING btree ("region_code","kind");--> statement-breakpoint
CREATE UNIQUE INDEX "finance_records_ref_key" ON "finance_records" USING btree ("institution_id","kind","ref_no") WHERE "finance_records"."ref_no" is not null;