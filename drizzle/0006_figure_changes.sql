-- Computed figures are kept between requests and refreshed when the records they count change.
-- Every statement writing one of the tables they count from leaves a row here with its transaction
-- id; a reader holding figures computed under snapshot S asks whether any row's transaction is not
-- visible in S, i.e. committed since. One row per statement, not per record written.
CREATE TABLE figure_changes (
  id bigserial PRIMARY KEY,
  source text NOT NULL,
  xid xid8 NOT NULL DEFAULT pg_current_xact_id(),
  at timestamptz NOT NULL DEFAULT now()
);
--> statement-breakpoint
CREATE INDEX figure_changes_xid_idx ON figure_changes (xid);
--> statement-breakpoint
CREATE INDEX figure_changes_at_idx ON figure_changes (at);
--> statement-breakpoint
CREATE FUNCTION figure_changes_record() RETURNS trigger AS $$
BEGIN
  INSERT INTO figure_changes (source) VALUES (TG_TABLE_NAME);
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER figure_changes AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON organizations
  FOR EACH STATEMENT EXECUTE FUNCTION figure_changes_record();
--> statement-breakpoint
CREATE TRIGGER figure_changes AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON org_annual_stats
  FOR EACH STATEMENT EXECUTE FUNCTION figure_changes_record();
--> statement-breakpoint
CREATE TRIGGER figure_changes AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON qualifications
  FOR EACH STATEMENT EXECUTE FUNCTION figure_changes_record();
--> statement-breakpoint
CREATE TRIGGER figure_changes AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON rd_platforms
  FOR EACH STATEMENT EXECUTE FUNCTION figure_changes_record();
--> statement-breakpoint
CREATE TRIGGER figure_changes AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON carriers
  FOR EACH STATEMENT EXECUTE FUNCTION figure_changes_record();
--> statement-breakpoint
CREATE TRIGGER figure_changes AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON carrier_annual
  FOR EACH STATEMENT EXECUTE FUNCTION figure_changes_record();
