CREATE TABLE "import_rows" (
	"job_id" uuid NOT NULL,
	"row" integer NOT NULL,
	"cells" jsonb NOT NULL,
	CONSTRAINT "import_rows_job_id_row_pk" PRIMARY KEY("job_id","row")
);
--> statement-breakpoint
DROP INDEX "organizations_search_idx";--> statement-breakpoint
ALTER TABLE "organizations" ADD COLUMN "search_vector" "tsvector" GENERATED ALWAYS AS (array_to_tsvector(array_remove(string_to_array("organizations"."search_text", ' '), ''))) STORED NOT NULL;--> statement-breakpoint
CREATE INDEX "organizations_search_vector_idx" ON "organizations" USING gin ("search_vector");