CREATE TABLE "plan_targets" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"year" integer NOT NULL,
	"indicator_code" text NOT NULL,
	"region_code" text NOT NULL,
	"kind" text NOT NULL,
	"value" numeric(20, 4),
	"note" text,
	"updated_by" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "reported_values" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"indicator_code" text NOT NULL,
	"year" integer NOT NULL,
	"region_code" text NOT NULL,
	"value" numeric(20, 4) NOT NULL,
	"source" text NOT NULL,
	"source_date" date,
	"vintage" text,
	"note" text,
	"entered_by" text NOT NULL,
	"entered_at" timestamp with time zone DEFAULT now() NOT NULL,
	"superseded_at" timestamp with time zone,
	"superseded_by" uuid
);
--> statement-breakpoint
CREATE UNIQUE INDEX "plan_targets_key" ON "plan_targets" USING btree ("year","indicator_code","region_code");--> statement-breakpoint
CREATE UNIQUE INDEX "reported_values_current_key" ON "reported_values" USING btree ("indicator_code","year","region_code") WHERE "reported_values"."superseded_at" is null;--> statement-breakpoint
CREATE INDEX "reported_values_year_idx" ON "reported_values" USING btree ("year","region_code");