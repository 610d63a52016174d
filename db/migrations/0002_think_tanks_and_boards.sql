CREATE TYPE "public"."board_kind" AS ENUM('canvas', 'columns');--> statement-breakpoint
CREATE TYPE "public"."board_template" AS ENUM('canvas', 'retrospective', 'info_wall', 'empathy_map', 'feedback_grid', 'how_might_we');--> statement-breakpoint
CREATE TYPE "public"."phase_status" AS ENUM('pending', 'running', 'paused', 'completed');--> statement-breakpoint
CREATE TYPE "public"."phase_template" AS ENUM('dschool', 'hpi', 'double_diamond', 'custom');--> statement-breakpoint
CREATE TYPE "public"."think_tank_role" AS ENUM('moderator', 'knowledge_giver', 'delegate', 'observer');--> statement-breakpoint
CREATE TYPE "public"."think_tank_status" AS ENUM('convening', 'active', 'paused', 'concluded', 'archived');--> statement-breakpoint
CREATE TYPE "public"."think_tank_visibility" AS ENUM('participants', 'origin_networks');--> statement-breakpoint
CREATE TABLE "board_columns" (
	"id" text PRIMARY KEY NOT NULL,
	"board_id" text NOT NULL,
	"title" text NOT NULL,
	"position" double precision NOT NULL
);
--> statement-breakpoint
CREATE TABLE "board_events" (
	"board_id" text NOT NULL,
	"seq" integer NOT NULL,
	"type" text NOT NULL,
	"payload" jsonb NOT NULL,
	"result" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"actor_id" text,
	"client_op_id" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "board_events_board_id_seq_pk" PRIMARY KEY("board_id","seq")
);
--> statement-breakpoint
CREATE TABLE "boards" (
	"id" text PRIMARY KEY NOT NULL,
	"think_tank_id" text,
	"phase_id" text,
	"title" text NOT NULL,
	"kind" "board_kind" NOT NULL,
	"template" "board_template" NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"anonymous" boolean DEFAULT false NOT NULL,
	"locked" boolean DEFAULT false NOT NULL,
	"votes_per_person" integer DEFAULT 0 NOT NULL,
	"votes_hidden" boolean DEFAULT false NOT NULL,
	"votes_revealed" boolean DEFAULT false NOT NULL,
	"timer_ends_at" timestamp with time zone,
	"spotlight_card_id" text,
	"seq" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "card_groups" (
	"id" text PRIMARY KEY NOT NULL,
	"board_id" text NOT NULL,
	"title" text DEFAULT '' NOT NULL,
	"column_id" text,
	"x" double precision,
	"y" double precision,
	"version" integer DEFAULT 1 NOT NULL,
	"deleted_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "cards" (
	"id" text PRIMARY KEY NOT NULL,
	"board_id" text NOT NULL,
	"column_id" text,
	"group_id" text,
	"text" text NOT NULL,
	"colour" text DEFAULT 'yellow' NOT NULL,
	"x" double precision,
	"y" double precision,
	"position" double precision DEFAULT 0 NOT NULL,
	"author_id" text,
	"version" integer DEFAULT 1 NOT NULL,
	"carried_from_card_id" text,
	"deleted_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "outcome_ideas" (
	"id" text PRIMARY KEY NOT NULL,
	"think_tank_id" text NOT NULL,
	"title" text NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"card_id" text,
	"position" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "phase_changes" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"think_tank_id" text NOT NULL,
	"phase_id" text NOT NULL,
	"action" text NOT NULL,
	"actor_id" text,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "phases" (
	"id" text PRIMARY KEY NOT NULL,
	"think_tank_id" text NOT NULL,
	"position" integer NOT NULL,
	"name" text NOT NULL,
	"goal" text DEFAULT '' NOT NULL,
	"timebox_minutes" integer,
	"status" "phase_status" DEFAULT 'pending' NOT NULL,
	"running_since" timestamp with time zone,
	"elapsed_seconds" integer DEFAULT 0 NOT NULL,
	"started_at" timestamp with time zone,
	"completed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "think_tank_invitations" (
	"id" text PRIMARY KEY NOT NULL,
	"think_tank_id" text NOT NULL,
	"email" text NOT NULL,
	"role" "think_tank_role" DEFAULT 'knowledge_giver' NOT NULL,
	"message" text DEFAULT '' NOT NULL,
	"token_hash" text NOT NULL,
	"invited_by_id" text,
	"expires_at" timestamp with time zone NOT NULL,
	"accepted_at" timestamp with time zone,
	"declined_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	"sent_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "think_tank_participants" (
	"think_tank_id" text NOT NULL,
	"user_id" text NOT NULL,
	"role" "think_tank_role" NOT NULL,
	"phase_mails" boolean DEFAULT true NOT NULL,
	"invited_by_id" text,
	"joined_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "think_tank_participants_think_tank_id_user_id_pk" PRIMARY KEY("think_tank_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "think_tank_problems" (
	"think_tank_id" text NOT NULL,
	"problem_id" text NOT NULL,
	"resolution_note" text DEFAULT '' NOT NULL,
	"added_by_id" text,
	"added_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "think_tank_problems_think_tank_id_problem_id_pk" PRIMARY KEY("think_tank_id","problem_id")
);
--> statement-breakpoint
CREATE TABLE "think_tanks" (
	"id" text PRIMARY KEY NOT NULL,
	"title" text NOT NULL,
	"question" text NOT NULL,
	"goals" text DEFAULT '' NOT NULL,
	"status" "think_tank_status" DEFAULT 'convening' NOT NULL,
	"paused_reason" text,
	"template" "phase_template" DEFAULT 'dschool' NOT NULL,
	"visibility" "think_tank_visibility" DEFAULT 'participants' NOT NULL,
	"starts_on" date,
	"ends_on" date,
	"current_phase_id" text,
	"carried_over_from_id" text,
	"outcome_summary" text DEFAULT '' NOT NULL,
	"outcome_decisions" text DEFAULT '' NOT NULL,
	"concluded_at" timestamp with time zone,
	"archived_at" timestamp with time zone,
	"created_by_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "votes" (
	"board_id" text NOT NULL,
	"card_id" text NOT NULL,
	"user_id" text NOT NULL,
	"count" integer NOT NULL,
	CONSTRAINT "votes_card_id_user_id_pk" PRIMARY KEY("card_id","user_id")
);
--> statement-breakpoint
ALTER TABLE "tasks" ADD COLUMN "think_tank_id" text;--> statement-breakpoint
ALTER TABLE "board_columns" ADD CONSTRAINT "board_columns_board_id_boards_id_fk" FOREIGN KEY ("board_id") REFERENCES "public"."boards"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "board_events" ADD CONSTRAINT "board_events_board_id_boards_id_fk" FOREIGN KEY ("board_id") REFERENCES "public"."boards"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "board_events" ADD CONSTRAINT "board_events_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "boards" ADD CONSTRAINT "boards_think_tank_id_think_tanks_id_fk" FOREIGN KEY ("think_tank_id") REFERENCES "public"."think_tanks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "boards" ADD CONSTRAINT "boards_phase_id_phases_id_fk" FOREIGN KEY ("phase_id") REFERENCES "public"."phases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "card_groups" ADD CONSTRAINT "card_groups_board_id_boards_id_fk" FOREIGN KEY ("board_id") REFERENCES "public"."boards"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "card_groups" ADD CONSTRAINT "card_groups_column_id_board_columns_id_fk" FOREIGN KEY ("column_id") REFERENCES "public"."board_columns"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cards" ADD CONSTRAINT "cards_board_id_boards_id_fk" FOREIGN KEY ("board_id") REFERENCES "public"."boards"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cards" ADD CONSTRAINT "cards_column_id_board_columns_id_fk" FOREIGN KEY ("column_id") REFERENCES "public"."board_columns"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cards" ADD CONSTRAINT "cards_group_id_card_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."card_groups"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cards" ADD CONSTRAINT "cards_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cards" ADD CONSTRAINT "cards_carried_from_card_id_cards_id_fk" FOREIGN KEY ("carried_from_card_id") REFERENCES "public"."cards"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outcome_ideas" ADD CONSTRAINT "outcome_ideas_think_tank_id_think_tanks_id_fk" FOREIGN KEY ("think_tank_id") REFERENCES "public"."think_tanks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outcome_ideas" ADD CONSTRAINT "outcome_ideas_card_id_cards_id_fk" FOREIGN KEY ("card_id") REFERENCES "public"."cards"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "phase_changes" ADD CONSTRAINT "phase_changes_think_tank_id_think_tanks_id_fk" FOREIGN KEY ("think_tank_id") REFERENCES "public"."think_tanks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "phase_changes" ADD CONSTRAINT "phase_changes_phase_id_phases_id_fk" FOREIGN KEY ("phase_id") REFERENCES "public"."phases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "phase_changes" ADD CONSTRAINT "phase_changes_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "phases" ADD CONSTRAINT "phases_think_tank_id_think_tanks_id_fk" FOREIGN KEY ("think_tank_id") REFERENCES "public"."think_tanks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "think_tank_invitations" ADD CONSTRAINT "think_tank_invitations_think_tank_id_think_tanks_id_fk" FOREIGN KEY ("think_tank_id") REFERENCES "public"."think_tanks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "think_tank_invitations" ADD CONSTRAINT "think_tank_invitations_invited_by_id_users_id_fk" FOREIGN KEY ("invited_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "think_tank_participants" ADD CONSTRAINT "think_tank_participants_think_tank_id_think_tanks_id_fk" FOREIGN KEY ("think_tank_id") REFERENCES "public"."think_tanks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "think_tank_participants" ADD CONSTRAINT "think_tank_participants_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "think_tank_participants" ADD CONSTRAINT "think_tank_participants_invited_by_id_users_id_fk" FOREIGN KEY ("invited_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "think_tank_problems" ADD CONSTRAINT "think_tank_problems_think_tank_id_think_tanks_id_fk" FOREIGN KEY ("think_tank_id") REFERENCES "public"."think_tanks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "think_tank_problems" ADD CONSTRAINT "think_tank_problems_problem_id_problems_id_fk" FOREIGN KEY ("problem_id") REFERENCES "public"."problems"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "think_tank_problems" ADD CONSTRAINT "think_tank_problems_added_by_id_users_id_fk" FOREIGN KEY ("added_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "think_tanks" ADD CONSTRAINT "think_tanks_carried_over_from_id_think_tanks_id_fk" FOREIGN KEY ("carried_over_from_id") REFERENCES "public"."think_tanks"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "think_tanks" ADD CONSTRAINT "think_tanks_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "votes" ADD CONSTRAINT "votes_board_id_boards_id_fk" FOREIGN KEY ("board_id") REFERENCES "public"."boards"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "votes" ADD CONSTRAINT "votes_card_id_cards_id_fk" FOREIGN KEY ("card_id") REFERENCES "public"."cards"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "votes" ADD CONSTRAINT "votes_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "board_columns_board_idx" ON "board_columns" USING btree ("board_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "board_events_client_op_unique" ON "board_events" USING btree ("board_id","client_op_id");--> statement-breakpoint
CREATE INDEX "boards_phase_idx" ON "boards" USING btree ("phase_id","position");--> statement-breakpoint
CREATE INDEX "boards_think_tank_idx" ON "boards" USING btree ("think_tank_id");--> statement-breakpoint
CREATE INDEX "card_groups_board_idx" ON "card_groups" USING btree ("board_id");--> statement-breakpoint
CREATE INDEX "cards_board_idx" ON "cards" USING btree ("board_id");--> statement-breakpoint
CREATE INDEX "outcome_ideas_tt_idx" ON "outcome_ideas" USING btree ("think_tank_id","position");--> statement-breakpoint
CREATE INDEX "phase_changes_tt_idx" ON "phase_changes" USING btree ("think_tank_id","at");--> statement-breakpoint
CREATE INDEX "phases_think_tank_idx" ON "phases" USING btree ("think_tank_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "think_tank_invitations_token_unique" ON "think_tank_invitations" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "think_tank_invitations_tt_idx" ON "think_tank_invitations" USING btree ("think_tank_id");--> statement-breakpoint
CREATE INDEX "think_tank_participants_user_idx" ON "think_tank_participants" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "think_tank_problems_problem_idx" ON "think_tank_problems" USING btree ("problem_id");--> statement-breakpoint
CREATE INDEX "think_tanks_status_idx" ON "think_tanks" USING btree ("status");--> statement-breakpoint
CREATE INDEX "think_tanks_carried_over_idx" ON "think_tanks" USING btree ("carried_over_from_id");--> statement-breakpoint
CREATE INDEX "votes_board_user_idx" ON "votes" USING btree ("board_id","user_id");--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_think_tank_id_think_tanks_id_fk" FOREIGN KEY ("think_tank_id") REFERENCES "public"."think_tanks"("id") ON DELETE set null ON UPDATE no action;