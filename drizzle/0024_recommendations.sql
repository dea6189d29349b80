CREATE TABLE "recommendation_items" (
	"recommendation_id" uuid NOT NULL,
	"application_id" uuid NOT NULL,
	"priority" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "recommendations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_code" text NOT NULL,
	"file_name" text NOT NULL,
	"mime" text NOT NULL,
	"size" integer NOT NULL,
	"sha256" text NOT NULL,
	"content" "bytea" NOT NULL,
	"generated" boolean NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "recommendation_items" ADD CONSTRAINT "recommendation_items_recommendation_id_recommendations_id_fk" FOREIGN KEY ("recommendation_id") REFERENCES "public"."recommendations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "recommendation_items_pk" ON "recommendation_items" USING btree ("recommendation_id","application_id");--> statement-breakpoint
CREATE INDEX "recommendation_items_app_idx" ON "recommendation_items" USING btree ("application_id");--> statement-breakpoint
CREATE INDEX "recommendations_region_idx" ON "recommendations" USING btree ("region_code");