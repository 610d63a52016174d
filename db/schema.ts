import {
  bigserial,
  boolean,
  date,
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
