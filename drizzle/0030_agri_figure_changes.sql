-- Agricultural records count in the computed figures (科技特派员示范基地, 科技型农民专业合作社,
-- commissioners dispatched, service days, served parties, trainings): a write to them leaves a
-- figure_changes row, so kept figures are refreshed (see 0006).
CREATE TRIGGER figure_changes AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON agri_units
  FOR EACH STATEMENT EXECUTE FUNCTION figure_changes_record();
--> statement-breakpoint
CREATE TRIGGER figure_changes AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON agri_trainings
  FOR EACH STATEMENT EXECUTE FUNCTION figure_changes_record();
--> statement-breakpoint
CREATE TRIGGER figure_changes AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON agri_dispatches
  FOR EACH STATEMENT EXECUTE FUNCTION figure_changes_record();
--> statement-breakpoint
CREATE TRIGGER figure_changes AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON agri_service_logs
  FOR EACH STATEMENT EXECUTE FUNCTION figure_changes_record();
--> statement-breakpoint
CREATE TRIGGER figure_changes AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON agri_commissioners
  FOR EACH STATEMENT EXECUTE FUNCTION figure_changes_record();
