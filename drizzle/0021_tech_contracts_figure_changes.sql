-- Technology contracts count in the computed figures (技术合同成交额 …): a write to them or to their
-- amount versions leaves a figure_changes row, so kept figures are refreshed (see 0006).
CREATE TRIGGER figure_changes AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON tech_contracts
  FOR EACH STATEMENT EXECUTE FUNCTION figure_changes_record();
--> statement-breakpoint
CREATE TRIGGER figure_changes AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON tech_contract_amounts
  FOR EACH STATEMENT EXECUTE FUNCTION figure_changes_record();
