-- Enforcement cases count in the computed figures (专利案件立案查处): a write to them leaves a
-- figure_changes row, so kept figures are refreshed (see 0006).
CREATE TRIGGER figure_changes AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON ip_cases
  FOR EACH STATEMENT EXECUTE FUNCTION figure_changes_record();
