CREATE TABLE "ip_case_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"case_id" uuid NOT NULL,
	"action" text NOT NULL,
	"from_status" text NOT NULL,
	"to_status" text NOT NULL,
	"on" date NOT NULL,
	"note" text,
	"actor_id" uuid,
	"actor_username" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ip_case_numbers" (
	"region_code" text NOT NULL,
	"year" integer NOT NULL,
	"last" integer NOT NULL,
	CONSTRAINT "ip_case_numbers_region_code_year_pk" PRIMARY KEY("region_code","year")
);
--> statement-breakpoint
CREATE TABLE "ip_cases" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_no" text,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"patent_app_no" text,
	"requester" text NOT NULL,
	"respondent" text NOT NULL,
	"bureau_code" text NOT NULL,
	"region_code" text NOT NULL,
	"summary" text DEFAULT '' NOT NULL,
	"status" text DEFAULT 'received' NOT NULL,
	"received_on" date NOT NULL,
	"filed_on" date,
	"deadline" date,
	"extended" boolean DEFAULT false NOT NULL,
	"ended_on" date,
	"closed_on" date,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "ip_cases_case_no_unique" UNIQUE("case_no")
);
--> statement-breakpoint
ALTER TABLE "ip_case_events" ADD CONSTRAINT "ip_case_events_case_id_ip_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."ip_cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ip_cases" ADD CONSTRAINT "ip_cases_bureau_code_regions_code_fk" FOREIGN KEY ("bureau_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ip_cases" ADD CONSTRAINT "ip_cases_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "ip_case_events_case_idx" ON "ip_case_events" USING btree ("case_id","id");--> statement-breakpoint
CREATE INDEX "ip_cases_region_filed_idx" ON "ip_cases" USING btree ("region_code","filed_on");--> statement-breakpoint
CREATE INDEX "ip_cases_bureau_idx" ON "ip_cases" USING btree ("bureau_code","received_on");--> statement-breakpoint
CREATE INDEX "ip_cases_status_deadline_idx" ON "ip_cases" USING btree ("status","deadline");--> statement-breakpoint
CREATE INDEX "ip_cases_received_idx" ON "ip_cases" USING btree ("received_on","id");