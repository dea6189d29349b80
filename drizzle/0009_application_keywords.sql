-- A keyword in staff's application list matches the title or the applicant's name. Both are kept,
-- in lower case, in applications.search_text by the triggers below, whoever writes; its characters
-- as lexemes (search_chars, GIN) find the candidates, and LIKE on search_text confirms them.
ALTER TABLE "applications" ADD COLUMN "search_text" text DEFAULT '' NOT NULL;--> statement-breakpoint
CREATE FUNCTION applications_search_text() RETURNS trigger AS $$
BEGIN
  NEW.search_text := lower(NEW.title || ' ' || coalesce((SELECT name FROM organizations WHERE id = NEW.org_id), ''));
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;--> statement-breakpoint
CREATE TRIGGER applications_search_text BEFORE INSERT OR UPDATE OF title, org_id ON applications
  FOR EACH ROW EXECUTE FUNCTION applications_search_text();--> statement-breakpoint
CREATE FUNCTION organizations_renamed_applications() RETURNS trigger AS $$
BEGIN
  UPDATE applications SET search_text = lower(title || ' ' || NEW.name) WHERE org_id = NEW.id;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;--> statement-breakpoint
CREATE TRIGGER organizations_renamed_applications AFTER UPDATE OF name ON organizations
  FOR EACH ROW WHEN (OLD.name IS DISTINCT FROM NEW.name)
  EXECUTE FUNCTION organizations_renamed_applications();--> statement-breakpoint
UPDATE applications a SET search_text = lower(a.title || ' ' || coalesce(o.name, ''))
  FROM organizations o WHERE o.id = a.org_id;--> statement-breakpoint
ALTER TABLE "applications" ADD COLUMN "search_chars" "tsvector" GENERATED ALWAYS AS (array_to_tsvector(array_remove(array_remove(regexp_split_to_array("applications"."search_text", ''), ' '), ''))) STORED NOT NULL;--> statement-breakpoint
CREATE INDEX "applications_search_chars_idx" ON "applications" USING gin ("search_chars");
