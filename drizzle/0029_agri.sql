CREATE TABLE "agri_appraisals" (
	"commissioner_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"county_grade" text NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"graded_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "agri_appraisals_commissioner_id_year_pk" PRIMARY KEY("commissioner_id","year")
);
--> statement-breakpoint
CREATE TABLE "agri_commissioners" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"expertise" text NOT NULL,
	"employer" text NOT NULL,
	"region_code" text NOT NULL,
	"mobile" text,
	"id_number_sealed" text,
	"user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "agri_dispatches" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"commissioner_id" uuid NOT NULL,
	"served_kind" text NOT NULL,
	"served_name" text NOT NULL,
	"served_org_id" uuid,
	"region_code" text NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"agreement_no" text DEFAULT '' NOT NULL,
	"agreement_file_name" text,
	"agreement_mime" text,
	"agreement_file" "bytea",
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "agri_log_photos" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"log_id" uuid NOT NULL,
	"file_name" text NOT NULL,
	"mime" text NOT NULL,
	"size" integer NOT NULL,
	"sha256" text NOT NULL,
	"content" "bytea" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "agri_park_outputs" (
	"unit_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"output" numeric(18, 2) NOT NULL,
	"growth_pct" numeric(8, 2),
	CONSTRAINT "agri_park_outputs_unit_id_year_pk" PRIMARY KEY("unit_id","year")
);
--> statement-breakpoint
CREATE TABLE "agri_service_logs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"dispatch_id" uuid NOT NULL,
	"commissioner_id" uuid NOT NULL,
	"region_code" text NOT NULL,
	"served_at" timestamp with time zone NOT NULL,
	"place" text NOT NULL,
	"lat" double precision,
	"lng" double precision,
	"content" text NOT NULL,
	"status" text DEFAULT 'submitted' NOT NULL,
	"satisfaction" integer,
	"reject_reason" text,
	"decided_at" timestamp with time zone,
	"decided_by" uuid,
	"flags" text[] DEFAULT '{}'::text[] NOT NULL,
	"flag_notes" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "agri_trainings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"region_code" text NOT NULL,
	"held_on" date NOT NULL,
	"attendances" integer NOT NULL,
	"organiser" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "agri_units" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"level" text NOT NULL,
	"name" text NOT NULL,
	"region_code" text NOT NULL,
	"org_id" uuid,
	"park_id" uuid,
	"recognised_on" date NOT NULL,
	"ended_on" date,
	"note" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "agri_appraisals" ADD CONSTRAINT "agri_appraisals_commissioner_id_agri_commissioners_id_fk" FOREIGN KEY ("commissioner_id") REFERENCES "public"."agri_commissioners"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agri_commissioners" ADD CONSTRAINT "agri_commissioners_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agri_commissioners" ADD CONSTRAINT "agri_commissioners_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agri_dispatches" ADD CONSTRAINT "agri_dispatches_commissioner_id_agri_commissioners_id_fk" FOREIGN KEY ("commissioner_id") REFERENCES "public"."agri_commissioners"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agri_dispatches" ADD CONSTRAINT "agri_dispatches_served_org_id_organizations_id_fk" FOREIGN KEY ("served_org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agri_dispatches" ADD CONSTRAINT "agri_dispatches_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agri_log_photos" ADD CONSTRAINT "agri_log_photos_log_id_agri_service_logs_id_fk" FOREIGN KEY ("log_id") REFERENCES "public"."agri_service_logs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agri_park_outputs" ADD CONSTRAINT "agri_park_outputs_unit_id_agri_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."agri_units"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agri_service_logs" ADD CONSTRAINT "agri_service_logs_dispatch_id_agri_dispatches_id_fk" FOREIGN KEY ("dispatch_id") REFERENCES "public"."agri_dispatches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agri_service_logs" ADD CONSTRAINT "agri_service_logs_commissioner_id_agri_commissioners_id_fk" FOREIGN KEY ("commissioner_id") REFERENCES "public"."agri_commissioners"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agri_service_logs" ADD CONSTRAINT "agri_service_logs_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agri_trainings" ADD CONSTRAINT "agri_trainings_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agri_units" ADD CONSTRAINT "agri_units_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agri_units" ADD CONSTRAINT "agri_units_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "agri_commissioners_user_key" ON "agri_commissioners" USING btree ("user_id") WHERE "agri_commissioners"."user_id" is not null;--> statement-breakpoint
CREATE INDEX "agri_commissioners_region_idx" ON "agri_commissioners" USING btree ("region_code");--> statement-breakpoint
CREATE INDEX "agri_dispatches_commissioner_idx" ON "agri_dispatches" USING btree ("commissioner_id");--> statement-breakpoint
CREATE INDEX "agri_dispatches_region_idx" ON "agri_dispatches" USING btree ("region_code");--> statement-breakpoint
CREATE INDEX "agri_dispatches_org_idx" ON "agri_dispatches" USING btree ("served_org_id");--> statement-breakpoint
CREATE INDEX "agri_log_photos_sha_idx" ON "agri_log_photos" USING btree ("sha256");--> statement-breakpoint
CREATE INDEX "agri_log_photos_log_idx" ON "agri_log_photos" USING btree ("log_id");--> statement-breakpoint
CREATE INDEX "agri_service_logs_commissioner_idx" ON "agri_service_logs" USING btree ("commissioner_id","served_at");--> statement-breakpoint
CREATE INDEX "agri_service_logs_dispatch_idx" ON "agri_service_logs" USING btree ("dispatch_id");--> statement-breakpoint
CREATE INDEX "agri_service_logs_region_idx" ON "agri_service_logs" USING btree ("region_code","served_at");--> statement-breakpoint
CREATE INDEX "agri_trainings_held_idx" ON "agri_trainings" USING btree ("kind","held_on");--> statement-breakpoint
CREATE INDEX "agri_units_kind_idx" ON "agri_units" USING btree ("kind","level");--> statement-breakpoint
CREATE INDEX "agri_units_region_idx" ON "agri_units" USING btree ("region_code");