DROP INDEX "follow_ups_owner_organisation_idx";--> statement-breakpoint
CREATE INDEX "follow_ups_owner_organisation_area_due_idx" ON "follow_ups" USING btree ("owner_organisation_id","priority_area_id","due_on");--> statement-breakpoint
CREATE INDEX "follow_ups_due_key_idx" ON "follow_ups" USING btree (coalesce("due_on", '9999-12-31'::date),"id");--> statement-breakpoint
CREATE INDEX "follow_ups_status_due_key_idx" ON "follow_ups" USING btree ("status",coalesce("due_on", '9999-12-31'::date),"id");