-- The technology market's computed figures (已发布科技成果, 成功对接的技术需求) are kept like the
-- others: every statement writing a table they count leaves its row in figure_changes.
CREATE TRIGGER figure_changes AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON market_achievements
  FOR EACH STATEMENT EXECUTE FUNCTION figure_changes_record();
--> statement-breakpoint
CREATE TRIGGER figure_changes AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON market_demands
  FOR EACH STATEMENT EXECUTE FUNCTION figure_changes_record();
--> statement-breakpoint
CREATE TRIGGER figure_changes AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON market_matches
  FOR EACH STATEMENT EXECUTE FUNCTION figure_changes_record();
