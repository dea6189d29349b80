CREATE TABLE "market_achievement_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"achievement_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"snapshot" jsonb NOT NULL,
	"changed_by" uuid,
	"changed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "market_achievements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"title" text NOT NULL,
	"owner_org_id" uuid NOT NULL,
	"region_code" text NOT NULL,
	"inventors" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"field" text NOT NULL,
	"maturity" text NOT NULL,
	"transfer_modes" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"price" numeric(18, 2),
	"patent_nos" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"abstract" text DEFAULT '' NOT NULL,
	"keywords" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"source" text DEFAULT 'own' NOT NULL,
	"source_batch" text,
	"contact_person" text,
	"contact_phone" text,
	"status" text DEFAULT 'draft' NOT NULL,
	"published_on" date,
	"ended_on" date,
	"version" integer DEFAULT 1 NOT NULL,
	"term_count" real DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "market_calls" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"demand_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"batch" text,
	"region_code" text NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"opens_on" date NOT NULL,
	"closes_on" date NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "market_demands" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"title" text NOT NULL,
	"org_id" uuid NOT NULL,
	"region_code" text NOT NULL,
	"field" text NOT NULL,
	"problem" text NOT NULL,
	"expected_outcome" text DEFAULT '' NOT NULL,
	"budget_min" numeric(18, 2),
	"budget_max" numeric(18, 2),
	"deadline" date,
	"confidential" text,
	"contact_person" text,
	"contact_phone" text,
	"status" text DEFAULT 'draft' NOT NULL,
	"published_on" date,
	"ended_on" date,
	"term_count" real DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "market_event_items" (
	"event_id" uuid NOT NULL,
	"achievement_id" uuid NOT NULL,
	CONSTRAINT "market_event_items_event_id_achievement_id_pk" PRIMARY KEY("event_id","achievement_id")
);
--> statement-breakpoint
CREATE TABLE "market_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"title" text NOT NULL,
	"held_on" date NOT NULL,
	"venue" text DEFAULT '' NOT NULL,
	"region_code" text NOT NULL,
	"attendees" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "market_interests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"record_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "market_matches" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"demand_id" uuid NOT NULL,
	"achievement_id" uuid NOT NULL,
	"demand_region_code" text NOT NULL,
	"achievement_region_code" text NOT NULL,
	"demand_org_id" uuid NOT NULL,
	"achievement_org_id" uuid NOT NULL,
	"score" real,
	"reasons" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"status" text DEFAULT 'contacted' NOT NULL,
	"drop_reason" text,
	"note" text,
	"event_id" uuid,
	"contacted_on" date NOT NULL,
	"closed_on" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "market_proposals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"call_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"achievement_id" uuid,
	"summary" text NOT NULL,
	"status" text DEFAULT 'submitted' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "market_terms" (
	"kind" text NOT NULL,
	"record_id" uuid NOT NULL,
	"term" text NOT NULL,
	"tf" real NOT NULL,
	CONSTRAINT "market_terms_kind_record_id_term_pk" PRIMARY KEY("kind","record_id","term")
);
--> statement-breakpoint
ALTER TABLE "market_achievement_versions" ADD CONSTRAINT "market_achievement_versions_achievement_id_market_achievements_id_fk" FOREIGN KEY ("achievement_id") REFERENCES "public"."market_achievements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "market_achievements" ADD CONSTRAINT "market_achievements_owner_org_id_organizations_id_fk" FOREIGN KEY ("owner_org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "market_calls" ADD CONSTRAINT "market_calls_demand_id_market_demands_id_fk" FOREIGN KEY ("demand_id") REFERENCES "public"."market_demands"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "market_demands" ADD CONSTRAINT "market_demands_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "market_event_items" ADD CONSTRAINT "market_event_items_event_id_market_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."market_events"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "market_event_items" ADD CONSTRAINT "market_event_items_achievement_id_market_achievements_id_fk" FOREIGN KEY ("achievement_id") REFERENCES "public"."market_achievements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "market_interests" ADD CONSTRAINT "market_interests_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "market_matches" ADD CONSTRAINT "market_matches_demand_id_market_demands_id_fk" FOREIGN KEY ("demand_id") REFERENCES "public"."market_demands"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "market_matches" ADD CONSTRAINT "market_matches_achievement_id_market_achievements_id_fk" FOREIGN KEY ("achievement_id") REFERENCES "public"."market_achievements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "market_matches" ADD CONSTRAINT "market_matches_event_id_market_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."market_events"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "market_proposals" ADD CONSTRAINT "market_proposals_call_id_market_calls_id_fk" FOREIGN KEY ("call_id") REFERENCES "public"."market_calls"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "market_proposals" ADD CONSTRAINT "market_proposals_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "market_proposals" ADD CONSTRAINT "market_proposals_achievement_id_market_achievements_id_fk" FOREIGN KEY ("achievement_id") REFERENCES "public"."market_achievements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "market_achievement_versions_key" ON "market_achievement_versions" USING btree ("achievement_id","version");--> statement-breakpoint
CREATE INDEX "market_achievements_status_region_idx" ON "market_achievements" USING btree ("status","region_code");--> statement-breakpoint
CREATE INDEX "market_achievements_owner_idx" ON "market_achievements" USING btree ("owner_org_id");--> statement-breakpoint
CREATE INDEX "market_achievements_published_idx" ON "market_achievements" USING btree ("published_on");--> statement-breakpoint
CREATE INDEX "market_calls_status_idx" ON "market_calls" USING btree ("status","closes_on");--> statement-breakpoint
CREATE INDEX "market_calls_demand_idx" ON "market_calls" USING btree ("demand_id");--> statement-breakpoint
CREATE INDEX "market_demands_status_region_idx" ON "market_demands" USING btree ("status","region_code");--> statement-breakpoint
CREATE INDEX "market_demands_org_idx" ON "market_demands" USING btree ("org_id");--> statement-breakpoint
CREATE INDEX "market_events_held_idx" ON "market_events" USING btree ("held_on");--> statement-breakpoint
CREATE UNIQUE INDEX "market_interests_key" ON "market_interests" USING btree ("kind","record_id","org_id");--> statement-breakpoint
CREATE UNIQUE INDEX "market_matches_pair_key" ON "market_matches" USING btree ("demand_id","achievement_id");--> statement-breakpoint
CREATE INDEX "market_matches_achievement_idx" ON "market_matches" USING btree ("achievement_id");--> statement-breakpoint
CREATE INDEX "market_matches_demand_region_idx" ON "market_matches" USING btree ("demand_region_code","contacted_on");--> statement-breakpoint
CREATE INDEX "market_matches_event_idx" ON "market_matches" USING btree ("event_id");--> statement-breakpoint
CREATE UNIQUE INDEX "market_proposals_call_org_key" ON "market_proposals" USING btree ("call_id","org_id");--> statement-breakpoint
CREATE INDEX "market_terms_kind_term_idx" ON "market_terms" USING btree ("kind","term","record_id");