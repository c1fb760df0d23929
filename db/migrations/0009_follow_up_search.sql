-- The trigram operators for the follow-up text search (a trusted extension: the database owner may create it).
CREATE EXTENSION IF NOT EXISTS pg_trgm;--> statement-breakpoint
CREATE INDEX "follow_ups_title_trgm_idx" ON "follow_ups" USING gin ("title" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "follow_ups_description_trgm_idx" ON "follow_ups" USING gin ("description" gin_trgm_ops);