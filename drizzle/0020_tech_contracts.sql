CREATE TABLE "tech_contract_amounts" (
	"contract_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"effective_on" date NOT NULL,
	"exchange_rate" numeric(14, 6) NOT NULL,
	"contract_amount_orig" numeric(20, 4) NOT NULL,
	"tech_amount_orig" numeric(20, 4) NOT NULL,
	"contract_amount" numeric(18, 2) NOT NULL,
	"tech_amount" numeric(18, 2) NOT NULL,
	"nontech_costs" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"note" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "tech_contract_amounts_contract_id_version_pk" PRIMARY KEY("contract_id","version")
);
--> statement-breakpoint
CREATE TABLE "tech_contract_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"contract_id" uuid NOT NULL,
	"action" text NOT NULL,
	"from_status" text,
	"to_status" text NOT NULL,
	"reason_codes" text[] DEFAULT '{}' NOT NULL,
	"note" text,
	"on" date NOT NULL,
	"actor_id" uuid,
	"actor_username" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "tech_contract_files" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"contract_id" uuid NOT NULL,
	"file_name" text NOT NULL,
	"mime" text NOT NULL,
	"size" integer NOT NULL,
	"sha256" text NOT NULL,
	"content" "bytea" NOT NULL,
	"uploaded_by" uuid NOT NULL,
	"uploaded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "tech_contract_numbers" (
	"registrar_region" text NOT NULL,
	"year" integer NOT NULL,
	"last" integer NOT NULL,
	CONSTRAINT "tech_contract_numbers_registrar_region_year_pk" PRIMARY KEY("registrar_region","year")
);
--> statement-breakpoint
CREATE TABLE "tech_contracts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"title" text NOT NULL,
	"type_code" text NOT NULL,
	"sub_type_code" text NOT NULL,
	"seller_org_id" uuid NOT NULL,
	"region_code" text NOT NULL,
	"registrar_region" text NOT NULL,
	"buyer_kind" text NOT NULL,
	"buyer_org_id" uuid,
	"buyer_name" text NOT NULL,
	"buyer_uscc" text,
	"buyer_country" text DEFAULT 'CN' NOT NULL,
	"currency" text DEFAULT 'CNY' NOT NULL,
	"exchange_rate" numeric(14, 6) DEFAULT '1' NOT NULL,
	"contract_amount_orig" numeric(20, 4) NOT NULL,
	"tech_amount_orig" numeric(20, 4) NOT NULL,
	"contract_amount" numeric(18, 2) NOT NULL,
	"tech_amount" numeric(18, 2) NOT NULL,
	"nontech_costs" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"payment_terms" text DEFAULT '' NOT NULL,
	"signed_on" date NOT NULL,
	"effective_on" date,
	"end_on" date,
	"field_code" text,
	"objective_code" text,
	"match_id" uuid,
	"status" text DEFAULT 'draft' NOT NULL,
	"submitted_on" date,
	"registration_no" text,
	"registered_on" date,
	"cancelled_on" date,
	"reason_codes" text[] DEFAULT '{}' NOT NULL,
	"reason_note" text,
	"source" text DEFAULT 'platform' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "tech_contract_amounts" ADD CONSTRAINT "tech_contract_amounts_contract_id_tech_contracts_id_fk" FOREIGN KEY ("contract_id") REFERENCES "public"."tech_contracts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tech_contract_events" ADD CONSTRAINT "tech_contract_events_contract_id_tech_contracts_id_fk" FOREIGN KEY ("contract_id") REFERENCES "public"."tech_contracts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tech_contract_files" ADD CONSTRAINT "tech_contract_files_contract_id_tech_contracts_id_fk" FOREIGN KEY ("contract_id") REFERENCES "public"."tech_contracts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tech_contracts" ADD CONSTRAINT "tech_contracts_seller_org_id_organizations_id_fk" FOREIGN KEY ("seller_org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tech_contracts" ADD CONSTRAINT "tech_contracts_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tech_contracts" ADD CONSTRAINT "tech_contracts_registrar_region_regions_code_fk" FOREIGN KEY ("registrar_region") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tech_contracts" ADD CONSTRAINT "tech_contracts_buyer_org_id_organizations_id_fk" FOREIGN KEY ("buyer_org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "tech_contract_events_contract_idx" ON "tech_contract_events" USING btree ("contract_id","at");--> statement-breakpoint
CREATE INDEX "tech_contract_files_contract_idx" ON "tech_contract_files" USING btree ("contract_id");--> statement-breakpoint
CREATE UNIQUE INDEX "tech_contracts_registration_no_key" ON "tech_contracts" USING btree ("registration_no") WHERE "tech_contracts"."registration_no" is not null;--> statement-breakpoint
CREATE INDEX "tech_contracts_region_status_idx" ON "tech_contracts" USING btree ("region_code","status");--> statement-breakpoint
CREATE INDEX "tech_contracts_registered_idx" ON "tech_contracts" USING btree ("registered_on");--> statement-breakpoint
CREATE INDEX "tech_contracts_seller_idx" ON "tech_contracts" USING btree ("seller_org_id");--> statement-breakpoint
CREATE INDEX "tech_contracts_buyer_idx" ON "tech_contracts" USING btree ("buyer_org_id");