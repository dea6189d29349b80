-- Patent figures (plan/computed-sql.ts) are kept between requests: writes to ip_patents refresh them.
CREATE TRIGGER figure_changes AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON ip_patents
  FOR EACH STATEMENT EXECUTE FUNCTION figure_changes_record();
