CREATE TABLE "audit_archives" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"archived_at" timestamp with time zone DEFAULT now() NOT NULL,
	"archived_by" text,
	"first_id" bigint NOT NULL,
	"last_id" bigint NOT NULL,
	"entries" integer NOT NULL,
	"first_prev_hash" text NOT NULL,
	"last_hash" text NOT NULL,
	"cutoff" timestamp with time zone NOT NULL,
	"content_sha256" text NOT NULL,
	"content" "bytea" NOT NULL
);
--> statement-breakpoint
-- Retention (网络安全法 第二十一条: network logs kept no less than six months). An entry may leave the
-- log only when it is older than six months AND an archive reaching at least its id is recorded;
-- every other UPDATE, DELETE or TRUNCATE is still refused, whatever the application does.
CREATE OR REPLACE FUNCTION audit_log_refuse_change() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    IF OLD.at < now() - interval '6 months'
       AND EXISTS (SELECT 1 FROM audit_archives a WHERE a.last_id >= OLD.id) THEN
      RETURN OLD;
    END IF;
  END IF;
  RAISE EXCEPTION 'audit_log is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION audit_archives_refuse_change() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'audit_archives is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER audit_archives_no_update_delete BEFORE UPDATE OR DELETE ON audit_archives
  FOR EACH ROW EXECUTE FUNCTION audit_archives_refuse_change();
--> statement-breakpoint
CREATE TRIGGER audit_archives_no_truncate BEFORE TRUNCATE ON audit_archives
  FOR EACH STATEMENT EXECUTE FUNCTION audit_archives_refuse_change();
