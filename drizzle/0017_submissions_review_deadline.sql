CREATE TABLE "application_submissions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"application_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"content" jsonb NOT NULL,
	"sha256" text NOT NULL,
	"declaration_version" text NOT NULL,
	"declared_at" timestamp with time zone NOT NULL,
	"submitted_by" uuid NOT NULL,
	"submitted_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "calls" ADD COLUMN "review_closes_on" date;--> statement-breakpoint
CREATE UNIQUE INDEX "application_submissions_seq_idx" ON "application_submissions" USING btree ("application_id","seq");--> statement-breakpoint
CREATE UNIQUE INDEX "application_submissions_sha_idx" ON "application_submissions" USING btree ("sha256");