CREATE TABLE "priority_area_sdg_targets" (
	"priority_area_id" uuid NOT NULL,
	"target_code" text NOT NULL,
	CONSTRAINT "priority_area_sdg_targets_priority_area_id_target_code_pk" PRIMARY KEY("priority_area_id","target_code")
);
--> statement-breakpoint
CREATE TABLE "sdg_targets" (
	"code" text PRIMARY KEY NOT NULL,
	"goal" integer NOT NULL,
	"title" text NOT NULL,
	"sort_order" integer NOT NULL
);
--> statement-breakpoint
ALTER TABLE "priority_areas" ADD COLUMN "keywords" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "priority_area_sdg_targets" ADD CONSTRAINT "priority_area_sdg_targets_priority_area_id_priority_areas_id_fk" FOREIGN KEY ("priority_area_id") REFERENCES "public"."priority_areas"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "priority_area_sdg_targets" ADD CONSTRAINT "priority_area_sdg_targets_target_code_sdg_targets_code_fk" FOREIGN KEY ("target_code") REFERENCES "public"."sdg_targets"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "priority_area_sdg_targets_target_idx" ON "priority_area_sdg_targets" USING btree ("target_code");