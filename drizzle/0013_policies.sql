CREATE TABLE "policy_documents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"title" text NOT NULL,
	"document_no" text,
	"index_no" text,
	"issuer" text NOT NULL,
	"region_code" text NOT NULL,
	"status" text DEFAULT 'drafting' NOT NULL,
	"issued_on" date,
	"repealed_on" date,
	"is_public" boolean DEFAULT false NOT NULL,
	"body" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "policy_documents" ADD CONSTRAINT "policy_documents_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "policy_documents_document_no_key" ON "policy_documents" USING btree ("document_no") WHERE "policy_documents"."document_no" is not null;--> statement-breakpoint
CREATE INDEX "policy_documents_status_issued_idx" ON "policy_documents" USING btree ("status","issued_on");--> statement-breakpoint
CREATE INDEX "policy_documents_region_idx" ON "policy_documents" USING btree ("region_code");