CREATE TABLE "mail_outbox" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"recipient" text NOT NULL,
	"subject" text NOT NULL,
	"body" text NOT NULL,
	"status" text DEFAULT 'stored' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "password_reset_tokens" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"token_hash" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "registrations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tracking_no" text NOT NULL,
	"kind" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"uscc" text,
	"name" text NOT NULL,
	"legal_rep" text,
	"org_kind" text,
	"region_code" text NOT NULL,
	"existing_org_id" uuid,
	"name_mismatch" boolean DEFAULT false NOT NULL,
	"contact_name" text NOT NULL,
	"contact_mobile" text NOT NULL,
	"contact_email" text NOT NULL,
	"username" text NOT NULL,
	"password_hash" text NOT NULL,
	"title" text,
	"fields" text[] DEFAULT '{}' NOT NULL,
	"employer_name" text,
	"employer_uscc" text,
	"conflict_usccs" text[] DEFAULT '{}' NOT NULL,
	"file_kind" text NOT NULL,
	"file_name" text NOT NULL,
	"file_mime" text NOT NULL,
	"file_size" integer NOT NULL,
	"file_content" "bytea" NOT NULL,
	"review_note" text,
	"reviewed_by" text,
	"reviewed_at" timestamp with time zone,
	"org_id" uuid,
	"user_id" uuid,
	"submitted_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "mail_outbox_created_idx" ON "mail_outbox" USING btree ("created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "password_reset_tokens_hash_key" ON "password_reset_tokens" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "password_reset_tokens_user_idx" ON "password_reset_tokens" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "registrations_tracking_no_key" ON "registrations" USING btree ("tracking_no");--> statement-breakpoint
CREATE UNIQUE INDEX "registrations_open_uscc_key" ON "registrations" USING btree ("uscc") WHERE "registrations"."status" in ('pending', 'returned') and "registrations"."uscc" is not null;--> statement-breakpoint
CREATE INDEX "registrations_region_status_idx" ON "registrations" USING btree ("region_code","status","submitted_at");