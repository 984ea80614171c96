CREATE TABLE "stream_slots" (
	"user_id" uuid PRIMARY KEY NOT NULL,
	"held" jsonb NOT NULL
);
--> statement-breakpoint
ALTER TABLE "stream_slots" ADD CONSTRAINT "stream_slots_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;