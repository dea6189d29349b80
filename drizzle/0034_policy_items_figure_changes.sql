-- Policy payments count in 科技保险补贴 (insurance_subsidy_*), and the library in policies_issued:
-- a write to them leaves a figure_changes row, so kept figures are refreshed (see 0006).
CREATE TRIGGER figure_changes AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON policy_payments
  FOR EACH STATEMENT EXECUTE FUNCTION figure_changes_record();
--> statement-breakpoint
CREATE TRIGGER figure_changes AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON policy_items
  FOR EACH STATEMENT EXECUTE FUNCTION figure_changes_record();
--> statement-breakpoint
CREATE TRIGGER figure_changes AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON policy_documents
  FOR EACH STATEMENT EXECUTE FUNCTION figure_changes_record();
