CREATE TABLE "meeting_reviews" (
	"meeting_id" uuid NOT NULL,
	"reviewed_meeting_id" uuid NOT NULL,
	CONSTRAINT "meeting_reviews_meeting_id_reviewed_meeting_id_pk" PRIMARY KEY("meeting_id","reviewed_meeting_id")
);
--> statement-breakpoint
ALTER TABLE "meeting_reviews" ADD CONSTRAINT "meeting_reviews_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_reviews" ADD CONSTRAINT "meeting_reviews_reviewed_meeting_id_meetings_id_fk" FOREIGN KEY ("reviewed_meeting_id") REFERENCES "public"."meetings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "meeting_reviews_reviewed_idx" ON "meeting_reviews" USING btree ("reviewed_meeting_id");