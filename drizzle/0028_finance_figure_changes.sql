-- 科技金融 records count in the computed figures (高企发展基金授信, 专利权质押, 挂牌, 基金投资, 科技保险):
-- a write to them leaves a figure_changes row, so kept figures are refreshed (see 0006).
CREATE TRIGGER figure_changes AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON finance_records
  FOR EACH STATEMENT EXECUTE FUNCTION figure_changes_record();
