import {
  bigserial,
  boolean,
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
    joinedAt: timestamp("joined_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.networkId, t.userId] }), index("network_members_user_idx").on(t.userId)],
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
export type Network = typeof networks.$inferSelect;
export type PlatformRole = (typeof platformRoles)[number];
export type Sector = (typeof sectors)[number];
export type Locale = (typeof locales)[number];
