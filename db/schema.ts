import {
  bigserial,
  boolean,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import type { AdapterAccountType } from "next-auth/adapters";

/*
 * One schema for both drivers (PGlite and PostgreSQL). Later issues extend it (tasks, problems,
 * think-tanks, phases, boards, meetings); the enums and tables here are named after the domain
 * model in ARCHITECTURE.md so those extensions add tables rather than rework these.
 */

const id = () =>
  text("id")
    .primaryKey()
    .$defaultFn(() => crypto.randomUUID());
const createdAt = () => timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow();
const updatedAt = () =>
  timestamp("updated_at", { withTimezone: true, mode: "date" })
    .notNull()
    .defaultNow()
    .$onUpdate(() => new Date());

export const platformRoles = ["admin", "moderator", "member"] as const;
export const platformRole = pgEnum("platform_role", platformRoles);

export const sectors = [
  "foundation",
  "public_administration",
  "school_education",
  "ngo_civil_society",
  "business",
  "research",
  "health",
  "culture",
  "volunteer",
  "other",
] as const;
export const sector = pgEnum("sector", sectors);

export const locales = ["de", "en"] as const;
export const locale = pgEnum("locale", locales);

// ---------------------------------------------------------------------------------------------
// People and Auth.js
// ---------------------------------------------------------------------------------------------

export const users = pgTable(
  "users",
  {
    id: id(),
    name: text("name").notNull(),
    email: text("email").notNull(),
    emailVerified: timestamp("email_verified", { withTimezone: true, mode: "date" }),
    image: text("image"),
    passwordHash: text("password_hash"),
    role: platformRole("role").notNull().default("member"),
    locale: locale("locale"),
    organisation: text("organisation"),
    sector: sector("sector"),
    expertise: text("expertise").array().notNull().default([]),
    bio: text("bio"),
    disabledAt: timestamp("disabled_at", { withTimezone: true, mode: "date" }),
    /** Bumped on password change, disabling and "sign out everywhere": older sessions end. */
    sessionVersion: integer("session_version").notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex("users_email_unique").on(t.email)],
);

export const accounts = pgTable(
  "accounts",
  {
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    type: text("type").$type<AdapterAccountType>().notNull(),
    provider: text("provider").notNull(),
    providerAccountId: text("provider_account_id").notNull(),
    refresh_token: text("refresh_token"),
    access_token: text("access_token"),
    expires_at: integer("expires_at"),
    token_type: text("token_type"),
    scope: text("scope"),
    id_token: text("id_token"),
    session_state: text("session_state"),
  },
  (t) => [primaryKey({ columns: [t.provider, t.providerAccountId] })],
);

/** Required by the Auth.js adapter; sessions themselves are signed tokens checked against users.sessionVersion. */
export const sessions = pgTable("sessions", {
  sessionToken: text("session_token").primaryKey(),
  userId: text("user_id")
    .notNull()
    .references(() => users.id, { onDelete: "cascade" }),
  expires: timestamp("expires", { withTimezone: true, mode: "date" }).notNull(),
});

export const verificationTokens = pgTable(
  "verification_tokens",
  {
    identifier: text("identifier").notNull(),
    token: text("token").notNull(),
    expires: timestamp("expires", { withTimezone: true, mode: "date" }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.identifier, t.token] })],
);

export const passwordResetTokens = pgTable(
  "password_reset_tokens",
  {
    tokenHash: text("token_hash").primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    expiresAt: timestamp("expires_at", { withTimezone: true, mode: "date" }).notNull(),
    usedAt: timestamp("used_at", { withTimezone: true, mode: "date" }),
    createdAt: createdAt(),
  },
  (t) => [index("password_reset_tokens_user_idx").on(t.userId)],
);

/** Failed and successful sign-ins, for throttling brute force per e-mail and per IP. */
export const signInAttempts = pgTable(
  "sign_in_attempts",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    email: text("email").notNull(),
    ip: text("ip").notNull(),
    succeeded: boolean("succeeded").notNull(),
    at: timestamp("at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (t) => [index("sign_in_attempts_email_at_idx").on(t.email, t.at), index("sign_in_attempts_ip_at_idx").on(t.ip, t.at)],
);

/** Process-wide secrets generated on first start (AUTH_SECRET when not set), shared by all instances. */
export const appSecrets = pgTable("app_secrets", {
  key: text("key").primaryKey(),
  value: text("value").notNull(),
  createdAt: createdAt(),
});

// ---------------------------------------------------------------------------------------------
// Networks (the first circle: Work-Spaces)
// ---------------------------------------------------------------------------------------------

export const networkStatuses = ["active", "paused", "archived"] as const;
export const networkStatus = pgEnum("network_status", networkStatuses);
export const networkApprovals = ["proposed", "approved", "declined"] as const;
export const networkApproval = pgEnum("network_approval", networkApprovals);
export const networkRoles = ["coordinator", "member"] as const;
export const networkRole = pgEnum("network_role", networkRoles);

export type NetworkContact = {
  organisation?: string;
  person?: string;
  email?: string;
  phone?: string;
  website?: string;
  /** Which of the fields above the network marked public for the directory. */
  public?: Array<"organisation" | "person" | "email" | "phone" | "website">;
};

export const networks = pgTable(
  "networks",
  {
    id: id(),
    slug: text("slug").notNull(),
    name: text("name").notNull(),
    focus: text("focus").notNull().default(""),
    description: text("description").notNull().default(""),
    socialAreas: text("social_areas").array().notNull().default([]),
    contact: jsonb("contact").$type<NetworkContact>().notNull().default({}),
    listed: boolean("listed").notNull().default(true),
    status: networkStatus("status").notNull().default("active"),
    /** Anybody signed in may propose a network; it is usable only once an admin approved it. */
    approval: networkApproval("approval").notNull().default("approved"),
    declineReason: text("decline_reason"),
    hostName: text("host_name"),
    lastVerifiedAt: timestamp("last_verified_at", { withTimezone: true, mode: "date" }),
    createdById: text("created_by_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex("networks_slug_unique").on(t.slug)],
);

export const networkMembers = pgTable(
  "network_members",
  {
    networkId: text("network_id")
      .notNull()
      .references(() => networks.id, { onDelete: "cascade" }),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    role: networkRole("role").notNull().default("member"),
    /** Announcements still show in the app; only the e-mails stop. */
    announcementsMuted: boolean("announcements_muted").notNull().default(false),
    joinedAt: timestamp("joined_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.networkId, t.userId] }), index("network_members_user_idx").on(t.userId)],
);

export const networkInvitations = pgTable(
  "network_invitations",
  {
    id: id(),
    networkId: text("network_id")
      .notNull()
      .references(() => networks.id, { onDelete: "cascade" }),
    email: text("email").notNull(),
    role: networkRole("role").notNull().default("member"),
    tokenHash: text("token_hash").notNull(),
    invitedById: text("invited_by_id").references(() => users.id, { onDelete: "set null" }),
    expiresAt: timestamp("expires_at", { withTimezone: true, mode: "date" }).notNull(),
    acceptedAt: timestamp("accepted_at", { withTimezone: true, mode: "date" }),
    revokedAt: timestamp("revoked_at", { withTimezone: true, mode: "date" }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("network_invitations_token_unique").on(t.tokenHash), index("network_invitations_network_idx").on(t.networkId)],
);

export const joinRequestStatuses = ["pending", "approved", "declined", "withdrawn"] as const;
export const joinRequestStatus = pgEnum("join_request_status", joinRequestStatuses);

export const networkJoinRequests = pgTable(
  "network_join_requests",
  {
    id: id(),
    networkId: text("network_id")
      .notNull()
      .references(() => networks.id, { onDelete: "cascade" }),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    message: text("message").notNull().default(""),
    status: joinRequestStatus("status").notNull().default("pending"),
    decidedById: text("decided_by_id").references(() => users.id, { onDelete: "set null" }),
    decidedAt: timestamp("decided_at", { withTimezone: true, mode: "date" }),
    createdAt: createdAt(),
  },
  (t) => [index("network_join_requests_network_idx").on(t.networkId, t.status)],
);

/** Arbeitskreise: task-bound sub-groups of a network's members. */
export const workingGroups = pgTable(
  "working_groups",
  {
    id: id(),
    networkId: text("network_id")
      .notNull()
      .references(() => networks.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    description: text("description").notNull().default(""),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("working_groups_network_name_unique").on(t.networkId, t.name)],
);

export const workingGroupMembers = pgTable(
  "working_group_members",
  {
    workingGroupId: text("working_group_id")
      .notNull()
      .references(() => workingGroups.id, { onDelete: "cascade" }),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.workingGroupId, t.userId] })],
);

// ---------------------------------------------------------------------------------------------
// Work-Space: tasks and the problem log
// ---------------------------------------------------------------------------------------------

export const taskStatuses = ["open", "in_progress", "done"] as const;
export const taskStatus = pgEnum("task_status", taskStatuses);

export const tasks = pgTable(
  "tasks",
  {
    id: id(),
    networkId: text("network_id")
      .notNull()
      .references(() => networks.id, { onDelete: "cascade" }),
    title: text("title").notNull(),
    description: text("description").notNull().default(""),
    status: taskStatus("status").notNull().default("open"),
    assigneeId: text("assignee_id").references(() => users.id, { onDelete: "set null" }),
    dueDate: date("due_date", { mode: "string" }),
    labels: text("labels").array().notNull().default([]),
    workingGroupId: text("working_group_id").references(() => workingGroups.id, { onDelete: "set null" }),
    /** Order inside a status column of the task board. */
    position: integer("position").notNull().default(0),
    createdById: text("created_by_id").references(() => users.id, { onDelete: "set null" }),
    /** Set when the task was handed back from a concluded think-tank's outcome. */
    thinkTankId: text("think_tank_id").references((): AnyPgColumn => thinkTanks.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index("tasks_network_status_idx").on(t.networkId, t.status, t.position), index("tasks_assignee_idx").on(t.assigneeId)],
);

export const taskComments = pgTable(
  "task_comments",
  {
    id: id(),
    taskId: text("task_id")
      .notNull()
      .references(() => tasks.id, { onDelete: "cascade" }),
    authorId: text("author_id").references(() => users.id, { onDelete: "set null" }),
    body: text("body").notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("task_comments_task_idx").on(t.taskId, t.createdAt)],
);

export const urgencies = ["low", "medium", "high"] as const;
export const urgency = pgEnum("urgency", urgencies);
export const problemStatuses = ["open", "escalated", "in_think_tank", "resolved", "withdrawn"] as const;
export const problemStatus = pgEnum("problem_status", problemStatuses);

export const problems = pgTable(
  "problems",
  {
    id: id(),
    networkId: text("network_id")
      .notNull()
      .references(() => networks.id, { onDelete: "cascade" }),
    title: text("title").notNull(),
    description: text("description").notNull().default(""),
    affected: text("affected").notNull().default(""),
    alreadyTried: text("already_tried").notNull().default(""),
    urgency: urgency("urgency").notNull().default("medium"),
    socialAreas: text("social_areas").array().notNull().default([]),
    status: problemStatus("status").notNull().default("open"),
    createdById: text("created_by_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index("problems_network_status_idx").on(t.networkId, t.status), index("problems_status_urgency_idx").on(t.status, t.urgency)],
);

/** Every status change of a problem, with who and when (open → escalated → in think-tank → …). */
export const problemStatusChanges = pgTable(
  "problem_status_changes",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    problemId: text("problem_id")
      .notNull()
      .references(() => problems.id, { onDelete: "cascade" }),
    fromStatus: problemStatus("from_status"),
    toStatus: problemStatus("to_status").notNull(),
    note: text("note").notNull().default(""),
    actorId: text("actor_id").references(() => users.id, { onDelete: "set null" }),
    at: timestamp("at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (t) => [index("problem_status_changes_problem_idx").on(t.problemId, t.at)],
);

export const problemComments = pgTable(
  "problem_comments",
  {
    id: id(),
    problemId: text("problem_id")
      .notNull()
      .references(() => problems.id, { onDelete: "cascade" }),
    authorId: text("author_id").references(() => users.id, { onDelete: "set null" }),
    body: text("body").notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("problem_comments_problem_idx").on(t.problemId, t.createdAt)],
);

/** "+1": members show coordinators and moderators which problems matter most. */
export const problemSupports = pgTable(
  "problem_supports",
  {
    problemId: text("problem_id")
      .notNull()
      .references(() => problems.id, { onDelete: "cascade" }),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.problemId, t.userId] })],
);

export const announcements = pgTable(
  "announcements",
  {
    id: id(),
    networkId: text("network_id")
      .notNull()
      .references(() => networks.id, { onDelete: "cascade" }),
    authorId: text("author_id").references(() => users.id, { onDelete: "set null" }),
    subject: text("subject").notNull(),
    body: text("body").notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("announcements_network_idx").on(t.networkId, t.createdAt)],
);

/** The network's activity feed: who did what, newest first. */
export const networkActivity = pgTable(
  "network_activity",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    networkId: text("network_id")
      .notNull()
      .references(() => networks.id, { onDelete: "cascade" }),
    actorId: text("actor_id").references(() => users.id, { onDelete: "set null" }),
    verb: text("verb").notNull(),
    subjectType: text("subject_type").notNull(),
    subjectId: text("subject_id"),
    summary: text("summary").notNull().default(""),
    at: timestamp("at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (t) => [index("network_activity_network_idx").on(t.networkId, t.id)],
);

/** Personal API tokens for /api/v1 (sent as `Authorization: Bearer`); only the hash is stored. */
export const apiTokens = pgTable(
  "api_tokens",
  {
    id: id(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    tokenHash: text("token_hash").notNull(),
    lastUsedAt: timestamp("last_used_at", { withTimezone: true, mode: "date" }),
    revokedAt: timestamp("revoked_at", { withTimezone: true, mode: "date" }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("api_tokens_hash_unique").on(t.tokenHash), index("api_tokens_user_idx").on(t.userId)],
);

// ---------------------------------------------------------------------------------------------
// Think-Tanks (the second circle): problem spaces with knowledge-givers and design-thinking phases
// ---------------------------------------------------------------------------------------------

export const thinkTankStatuses = ["convening", "active", "paused", "concluded", "archived"] as const;
export const thinkTankStatus = pgEnum("think_tank_status", thinkTankStatuses);
export const phaseTemplates = ["dschool", "hpi", "double_diamond", "custom"] as const;
export const phaseTemplate = pgEnum("phase_template", phaseTemplates);
/** `participants`: only participants read it; `origin_networks`: members of the origin networks read it too. */
export const thinkTankVisibilities = ["participants", "origin_networks"] as const;
export const thinkTankVisibility = pgEnum("think_tank_visibility", thinkTankVisibilities);
export const thinkTankRoles = ["moderator", "knowledge_giver", "delegate", "observer"] as const;
export const thinkTankRole = pgEnum("think_tank_role", thinkTankRoles);
export const phaseStatuses = ["pending", "running", "paused", "completed"] as const;
export const phaseStatus = pgEnum("phase_status", phaseStatuses);

export const thinkTanks = pgTable(
  "think_tanks",
  {
    id: id(),
    title: text("title").notNull(),
    /** The guiding question, usually "How might we …?". */
    question: text("question").notNull(),
    goals: text("goals").notNull().default(""),
    status: thinkTankStatus("status").notNull().default("convening"),
    pausedReason: text("paused_reason"),
    template: phaseTemplate("template").notNull().default("dschool"),
    visibility: thinkTankVisibility("visibility").notNull().default("participants"),
    startsOn: date("starts_on", { mode: "string" }),
    endsOn: date("ends_on", { mode: "string" }),
    currentPhaseId: text("current_phase_id"),
    /** The DENKZELLE practice: a new think-tank continues a paused or concluded one. */
    carriedOverFromId: text("carried_over_from_id").references((): AnyPgColumn => thinkTanks.id, { onDelete: "set null" }),
    outcomeSummary: text("outcome_summary").notNull().default(""),
    outcomeDecisions: text("outcome_decisions").notNull().default(""),
    concludedAt: timestamp("concluded_at", { withTimezone: true, mode: "date" }),
    archivedAt: timestamp("archived_at", { withTimezone: true, mode: "date" }),
    createdById: text("created_by_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index("think_tanks_status_idx").on(t.status), index("think_tanks_carried_over_idx").on(t.carriedOverFromId)],
);

/** Origin problems: one think-tank may take problems from several networks; a problem may be carried over. */
export const thinkTankProblems = pgTable(
  "think_tank_problems",
  {
    thinkTankId: text("think_tank_id")
      .notNull()
      .references(() => thinkTanks.id, { onDelete: "cascade" }),
    problemId: text("problem_id")
      .notNull()
      .references(() => problems.id, { onDelete: "cascade" }),
    /** What the conclusion says about this problem when it stays open. */
    resolutionNote: text("resolution_note").notNull().default(""),
    addedById: text("added_by_id").references(() => users.id, { onDelete: "set null" }),
    addedAt: timestamp("added_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.thinkTankId, t.problemId] }), index("think_tank_problems_problem_idx").on(t.problemId)],
);

export const thinkTankParticipants = pgTable(
  "think_tank_participants",
  {
    thinkTankId: text("think_tank_id")
      .notNull()
      .references(() => thinkTanks.id, { onDelete: "cascade" }),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    role: thinkTankRole("role").notNull(),
    /** "Phase started" e-mails are optional per person. */
    phaseMails: boolean("phase_mails").notNull().default(true),
    invitedById: text("invited_by_id").references(() => users.id, { onDelete: "set null" }),
    joinedAt: timestamp("joined_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.thinkTankId, t.userId] }), index("think_tank_participants_user_idx").on(t.userId)],
);

export const thinkTankInvitations = pgTable(
  "think_tank_invitations",
  {
    id: id(),
    thinkTankId: text("think_tank_id")
      .notNull()
      .references(() => thinkTanks.id, { onDelete: "cascade" }),
    email: text("email").notNull(),
    role: thinkTankRole("role").notNull().default("knowledge_giver"),
    message: text("message").notNull().default(""),
    tokenHash: text("token_hash").notNull(),
    invitedById: text("invited_by_id").references(() => users.id, { onDelete: "set null" }),
    expiresAt: timestamp("expires_at", { withTimezone: true, mode: "date" }).notNull(),
    acceptedAt: timestamp("accepted_at", { withTimezone: true, mode: "date" }),
    declinedAt: timestamp("declined_at", { withTimezone: true, mode: "date" }),
    revokedAt: timestamp("revoked_at", { withTimezone: true, mode: "date" }),
    sentAt: timestamp("sent_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("think_tank_invitations_token_unique").on(t.tokenHash), index("think_tank_invitations_tt_idx").on(t.thinkTankId)],
);

export const phases = pgTable(
  "phases",
  {
    id: id(),
    thinkTankId: text("think_tank_id")
      .notNull()
      .references(() => thinkTanks.id, { onDelete: "cascade" }),
    position: integer("position").notNull(),
    name: text("name").notNull(),
    goal: text("goal").notNull().default(""),
    timeboxMinutes: integer("timebox_minutes"),
    status: phaseStatus("status").notNull().default("pending"),
    /** Remaining time = timebox − elapsedSeconds − (now − runningSince) while running. */
    runningSince: timestamp("running_since", { withTimezone: true, mode: "date" }),
    elapsedSeconds: integer("elapsed_seconds").notNull().default(0),
    startedAt: timestamp("started_at", { withTimezone: true, mode: "date" }),
    completedAt: timestamp("completed_at", { withTimezone: true, mode: "date" }),
    createdAt: createdAt(),
  },
  (t) => [index("phases_think_tank_idx").on(t.thinkTankId, t.position)],
);

/** Phase history: who started, paused, completed or reopened which phase, and when. */
export const phaseChanges = pgTable(
  "phase_changes",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    thinkTankId: text("think_tank_id")
      .notNull()
      .references(() => thinkTanks.id, { onDelete: "cascade" }),
    phaseId: text("phase_id")
      .notNull()
      .references(() => phases.id, { onDelete: "cascade" }),
    action: text("action").notNull(),
    actorId: text("actor_id").references(() => users.id, { onDelete: "set null" }),
    at: timestamp("at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (t) => [index("phase_changes_tt_idx").on(t.thinkTankId, t.at)],
);

/** Selected ideas of a concluded think-tank; each may point at the card it came from. */
export const outcomeIdeas = pgTable(
  "outcome_ideas",
  {
    id: id(),
    thinkTankId: text("think_tank_id")
      .notNull()
      .references(() => thinkTanks.id, { onDelete: "cascade" }),
    title: text("title").notNull(),
    note: text("note").notNull().default(""),
    cardId: text("card_id").references((): AnyPgColumn => cards.id, { onDelete: "set null" }),
    position: integer("position").notNull().default(0),
    createdAt: createdAt(),
  },
  (t) => [index("outcome_ideas_tt_idx").on(t.thinkTankId, t.position)],
);

// ---------------------------------------------------------------------------------------------
// Realtime boards: cards, groups and votes, changed only through ops recorded as board_events
// ---------------------------------------------------------------------------------------------

export const boardKinds = ["canvas", "columns"] as const;
export const boardKind = pgEnum("board_kind", boardKinds);
/** Templates decide the initial columns; `canvas` is the free canvas. */
export const boardTemplates = ["canvas", "retrospective", "info_wall", "empathy_map", "feedback_grid", "how_might_we"] as const;
export const boardTemplate = pgEnum("board_template", boardTemplates);

export const boards = pgTable(
  "boards",
  {
    id: id(),
    thinkTankId: text("think_tank_id").references(() => thinkTanks.id, { onDelete: "cascade" }),
    phaseId: text("phase_id").references(() => phases.id, { onDelete: "cascade" }),
    title: text("title").notNull(),
    kind: boardKind("kind").notNull(),
    template: boardTemplate("template").notNull(),
    position: integer("position").notNull().default(0),
    anonymous: boolean("anonymous").notNull().default(false),
    locked: boolean("locked").notNull().default(false),
    /** Dots per person; 0 switches voting off. */
    votesPerPerson: integer("votes_per_person").notNull().default(0),
    votesHidden: boolean("votes_hidden").notNull().default(false),
    votesRevealed: boolean("votes_revealed").notNull().default(false),
    timerEndsAt: timestamp("timer_ends_at", { withTimezone: true, mode: "date" }),
    spotlightCardId: text("spotlight_card_id"),
    /** Number of the last board_events row. */
    seq: integer("seq").notNull().default(0),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index("boards_phase_idx").on(t.phaseId, t.position), index("boards_think_tank_idx").on(t.thinkTankId)],
);

export const boardColumns = pgTable(
  "board_columns",
  {
    id: id(),
    boardId: text("board_id")
      .notNull()
      .references(() => boards.id, { onDelete: "cascade" }),
    title: text("title").notNull(),
    position: doublePrecision("position").notNull(),
  },
  (t) => [index("board_columns_board_idx").on(t.boardId, t.position)],
);

export const cardGroups = pgTable(
  "card_groups",
  {
    id: id(),
    boardId: text("board_id")
      .notNull()
      .references(() => boards.id, { onDelete: "cascade" }),
    title: text("title").notNull().default(""),
    columnId: text("column_id").references(() => boardColumns.id, { onDelete: "set null" }),
    x: doublePrecision("x"),
    y: doublePrecision("y"),
    version: integer("version").notNull().default(1),
    deletedAt: timestamp("deleted_at", { withTimezone: true, mode: "date" }),
    createdAt: createdAt(),
  },
  (t) => [index("card_groups_board_idx").on(t.boardId)],
);

export const cards = pgTable(
  "cards",
  {
    id: id(),
    boardId: text("board_id")
      .notNull()
      .references(() => boards.id, { onDelete: "cascade" }),
    columnId: text("column_id").references(() => boardColumns.id, { onDelete: "set null" }),
    groupId: text("group_id").references(() => cardGroups.id, { onDelete: "set null" }),
    text: text("text").notNull(),
    colour: text("colour").notNull().default("yellow"),
    x: doublePrecision("x"),
    y: doublePrecision("y"),
    /** Order inside a column or group (fractional so a move touches one row). */
    position: doublePrecision("position").notNull().default(0),
    /** Kept on anonymous boards too, so authors can edit their own cards; never sent to clients there. */
    authorId: text("author_id").references(() => users.id, { onDelete: "set null" }),
    version: integer("version").notNull().default(1),
    /** Carried over from a card of an earlier think-tank. */
    carriedFromCardId: text("carried_from_card_id").references((): AnyPgColumn => cards.id, { onDelete: "set null" }),
    deletedAt: timestamp("deleted_at", { withTimezone: true, mode: "date" }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index("cards_board_idx").on(t.boardId)],
);

export const votes = pgTable(
  "votes",
  {
    boardId: text("board_id")
      .notNull()
      .references(() => boards.id, { onDelete: "cascade" }),
    cardId: text("card_id")
      .notNull()
      .references(() => cards.id, { onDelete: "cascade" }),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    count: integer("count").notNull(),
  },
  (t) => [primaryKey({ columns: [t.cardId, t.userId] }), index("votes_board_user_idx").on(t.boardId, t.userId)],
);

/** Every committed op, numbered per board: replay after reconnect, idempotent retries, audit trail. */
export const boardEvents = pgTable(
  "board_events",
  {
    boardId: text("board_id")
      .notNull()
      .references(() => boards.id, { onDelete: "cascade" }),
    seq: integer("seq").notNull(),
    type: text("type").notNull(),
    /** What the room receives (never an author on anonymous boards). */
    payload: jsonb("payload").$type<Record<string, unknown>>().notNull(),
    /** What the sender's ack carried; a resent clientOpId gets exactly this back. */
    result: jsonb("result").$type<Record<string, unknown>>().notNull().default({}),
    actorId: text("actor_id").references(() => users.id, { onDelete: "set null" }),
    clientOpId: text("client_op_id").notNull(),
    at: timestamp("at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.boardId, t.seq] }), uniqueIndex("board_events_client_op_unique").on(t.boardId, t.clientOpId)],
);

// ---------------------------------------------------------------------------------------------
// Cross-cutting: audit log and mail outbox
// ---------------------------------------------------------------------------------------------

export const auditLog = pgTable(
  "audit_log",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    actorId: text("actor_id").references(() => users.id, { onDelete: "set null" }),
    action: text("action").notNull(),
    subjectType: text("subject_type").notNull(),
    subjectId: text("subject_id"),
    data: jsonb("data").$type<Record<string, unknown>>().notNull().default({}),
    at: timestamp("at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (t) => [index("audit_log_at_idx").on(t.at), index("audit_log_subject_idx").on(t.subjectType, t.subjectId)],
);

/** Every outgoing mail is recorded; without SMTP_URL this is the dev outbox admins can read. */
export const outboxEmails = pgTable(
  "outbox_emails",
  {
    id: id(),
    to: text("to").notNull(),
    subject: text("subject").notNull(),
    text: text("text").notNull(),
    kind: text("kind").notNull(),
    transport: text("transport").notNull(),
    sentAt: timestamp("sent_at", { withTimezone: true, mode: "date" }),
    error: text("error"),
    createdAt: createdAt(),
  },
  (t) => [index("outbox_emails_created_idx").on(t.createdAt), index("outbox_emails_to_idx").on(t.to)],
);

export type User = typeof users.$inferSelect;
export type Task = typeof tasks.$inferSelect;
export type Problem = typeof problems.$inferSelect;
export type NetworkRole = (typeof networkRoles)[number];
export type TaskStatus = (typeof taskStatuses)[number];
export type ProblemStatus = (typeof problemStatuses)[number];
export type Urgency = (typeof urgencies)[number];
export type Network = typeof networks.$inferSelect;
export type PlatformRole = (typeof platformRoles)[number];
export type Sector = (typeof sectors)[number];
export type Locale = (typeof locales)[number];
export type ThinkTank = typeof thinkTanks.$inferSelect;
export type ThinkTankStatus = (typeof thinkTankStatuses)[number];
export type ThinkTankRole = (typeof thinkTankRoles)[number];
export type PhaseTemplate = (typeof phaseTemplates)[number];
export type Phase = typeof phases.$inferSelect;
export type PhaseStatus = (typeof phaseStatuses)[number];
export type Board = typeof boards.$inferSelect;
export type BoardTemplate = (typeof boardTemplates)[number];
export type Card = typeof cards.$inferSelect;
