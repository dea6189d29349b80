ALTER TABLE "import_jobs" ADD COLUMN "owner_instance" text;--> statement-breakpoint
ALTER TABLE "import_jobs" ADD COLUMN "heartbeat_at" timestamp with time zone;