CREATE TABLE "credit_records" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"subject_kind" text NOT NULL,
	"org_id" uuid,
	"expert_id" uuid,
	"user_id" uuid,
	"subject_name" text NOT NULL,
	"region_code" text NOT NULL,
	"reason" text NOT NULL,
	"source_document" text NOT NULL,
	"severity" text NOT NULL,
	"valid_from" date NOT NULL,
	"valid_to" date,
	"objection" text,
	"objection_at" timestamp with time zone,
	"answer" text,
	"answered_at" timestamp with time zone,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "policy_beneficiaries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"item_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"region_code" text NOT NULL,
	"rule_version" integer NOT NULL,
	"amount" numeric(18, 2),
	"status" text DEFAULT 'notified' NOT NULL,
	"bank_name" text,
	"bank_account" text,
	"account_name" text,
	"decline_reason" text,
	"responded_at" timestamp with time zone,
	"notified_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "policy_item_rules" (
	"item_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"rule" jsonb NOT NULL,
	"saved_by" text NOT NULL,
	"saved_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "policy_item_rules_item_id_version_pk" PRIMARY KEY("item_id","version")
);
--> statement-breakpoint
CREATE TABLE "policy_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"document_id" uuid NOT NULL,
	"region_code" text NOT NULL,
	"title" text NOT NULL,
	"budget_line" text,
	"year" integer NOT NULL,
	"benefit_kind" text NOT NULL,
	"amount" numeric(18, 2),
	"percent" double precision,
	"base_label" text,
	"no_application" boolean DEFAULT false NOT NULL,
	"call_id" uuid,
	"figure" text,
	"rule" jsonb,
	"rule_version" integer DEFAULT 0 NOT NULL,
	"list_confirmed_at" timestamp with time zone,
	"list_rule_version" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "policy_payment_batches" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"item_id" uuid NOT NULL,
	"paid_on" date NOT NULL,
	"note" text,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "policy_payments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"batch_id" uuid NOT NULL,
	"item_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"region_code" text NOT NULL,
	"amount" numeric(18, 2) NOT NULL,
	"paid_on" date NOT NULL
);
--> statement-breakpoint
ALTER TABLE "policy_beneficiaries" ADD CONSTRAINT "policy_beneficiaries_item_id_policy_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."policy_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "policy_item_rules" ADD CONSTRAINT "policy_item_rules_item_id_policy_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."policy_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "policy_items" ADD CONSTRAINT "policy_items_document_id_policy_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."policy_documents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "policy_payment_batches" ADD CONSTRAINT "policy_payment_batches_item_id_policy_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."policy_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "policy_payments" ADD CONSTRAINT "policy_payments_batch_id_policy_payment_batches_id_fk" FOREIGN KEY ("batch_id") REFERENCES "public"."policy_payment_batches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "policy_payments" ADD CONSTRAINT "policy_payments_item_id_policy_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."policy_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "credit_records_org_idx" ON "credit_records" USING btree ("org_id","valid_from");--> statement-breakpoint
CREATE INDEX "credit_records_expert_idx" ON "credit_records" USING btree ("expert_id");--> statement-breakpoint
CREATE INDEX "credit_records_user_idx" ON "credit_records" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "credit_records_region_idx" ON "credit_records" USING btree ("region_code");--> statement-breakpoint
CREATE UNIQUE INDEX "policy_beneficiaries_item_org_key" ON "policy_beneficiaries" USING btree ("item_id","org_id");--> statement-breakpoint
CREATE INDEX "policy_beneficiaries_org_idx" ON "policy_beneficiaries" USING btree ("org_id","status");--> statement-breakpoint
CREATE INDEX "policy_items_document_idx" ON "policy_items" USING btree ("document_id");--> statement-breakpoint
CREATE INDEX "policy_items_year_idx" ON "policy_items" USING btree ("year");--> statement-breakpoint
CREATE INDEX "policy_payment_batches_item_idx" ON "policy_payment_batches" USING btree ("item_id");--> statement-breakpoint
CREATE UNIQUE INDEX "policy_payments_item_org_batch_key" ON "policy_payments" USING btree ("item_id","org_id","batch_id");--> statement-breakpoint
CREATE INDEX "policy_payments_paid_idx" ON "policy_payments" USING btree ("paid_on");--> statement-breakpoint
CREATE INDEX "policy_payments_org_idx" ON "policy_payments" USING btree ("org_id");