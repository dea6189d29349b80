CREATE TABLE "call_guide_files" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"call_id" uuid NOT NULL,
	"file_name" text NOT NULL,
	"mime" text NOT NULL,
	"size" integer NOT NULL,
	"content" "bytea" NOT NULL,
	"uploaded_by" text NOT NULL,
	"uploaded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "portal_guides" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"title" text NOT NULL,
	"who_may_apply" text NOT NULL,
	"materials" text NOT NULL,
	"time_limits" text NOT NULL,
	"contacts" text NOT NULL,
	"entry" text DEFAULT '' NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "portal_guides_code_unique" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "portal_notices" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"type" text NOT NULL,
	"title" text NOT NULL,
	"body" text DEFAULT '' NOT NULL,
	"records" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"call_id" uuid,
	"window_start" date NOT NULL,
	"window_end" date NOT NULL,
	"contact_line" text DEFAULT '' NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"published_at" timestamp with time zone,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "portal_objections" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"notice_id" uuid NOT NULL,
	"tracking_no" text NOT NULL,
	"name" text NOT NULL,
	"contact" text NOT NULL,
	"reason" text NOT NULL,
	"evidence_name" text,
	"evidence_mime" text,
	"evidence" "bytea",
	"status" text DEFAULT 'open' NOT NULL,
	"answer" text,
	"answered_on" date,
	"answered_by" text,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "portal_public_indicators" (
	"year" integer NOT NULL,
	"indicator_code" text NOT NULL,
	"set_by" text NOT NULL,
	"set_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "portal_public_indicators_year_indicator_code_pk" PRIMARY KEY("year","indicator_code")
);
--> statement-breakpoint
ALTER TABLE "call_guide_files" ADD CONSTRAINT "call_guide_files_call_id_calls_id_fk" FOREIGN KEY ("call_id") REFERENCES "public"."calls"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portal_notices" ADD CONSTRAINT "portal_notices_call_id_calls_id_fk" FOREIGN KEY ("call_id") REFERENCES "public"."calls"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portal_objections" ADD CONSTRAINT "portal_objections_notice_id_portal_notices_id_fk" FOREIGN KEY ("notice_id") REFERENCES "public"."portal_notices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "call_guide_files_call_idx" ON "call_guide_files" USING btree ("call_id");--> statement-breakpoint
CREATE INDEX "portal_notices_status_idx" ON "portal_notices" USING btree ("status","window_end");--> statement-breakpoint
CREATE UNIQUE INDEX "portal_objections_tracking_key" ON "portal_objections" USING btree ("tracking_no");--> statement-breakpoint
CREATE INDEX "portal_objections_notice_idx" ON "portal_objections" USING btree ("notice_id","status");