ALTER TABLE "meeting_series" ADD COLUMN "name_fr" text;--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "name_fr" text;--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "acronym_fr" text;--> statement-breakpoint
ALTER TABLE "priority_areas" ADD COLUMN "name_fr" text;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "locale" text;