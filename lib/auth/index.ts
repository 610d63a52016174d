import NextAuth, { CredentialsSignin, type NextAuthConfig } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { DrizzleAdapter } from "@auth/drizzle-adapter";
import { getDb } from "@/db/client";
import { accounts, sessions, users, verificationTokens, type PlatformRole } from "@/db/schema";
import { appUrl, env } from "@/lib/env";
import { composeMail } from "@/lib/mail/templates";
import { sendMail } from "@/lib/mail/send";
import { findUserByEmail, findUserById } from "@/lib/users/queries";
import { ZSignIn } from "@/lib/users/schemas";
import { clientIp } from "./client-ip";
import { dummyPasswordHash, verifyPassword } from "./password";
import { authSecret } from "./secret";
import { sessionEndReason, type SessionClaims } from "./session-rules";
import { recordSignInAttempt, signInThrottle } from "./throttle";

declare module "next-auth" {
  interface Session {
    user: { id: string; name: string; email: string; role: PlatformRole; locale: "de" | "en" | null };
  }
}

/** Error codes end up in the sign-in redirect (`?code=`) and in the sign-in form. */
export class TooManyAttempts extends CredentialsSignin {
  override code = "too_many_attempts";
}
export class AccountDisabled extends CredentialsSignin {
  override code = "account_disabled";
}

type Claims = SessionClaims & { role?: PlatformRole; locale?: "de" | "en" | null };

export const MAGIC_LINK_MINUTES = 30;

async function config(): Promise<NextAuthConfig> {
  const db = await getDb();
  const { SESSION_IDLE_MINUTES, SESSION_MAX_DAYS } = env();
  return {
    secret: await authSecret(),
    trustHost: true,
    // Secure cookies whenever the public URL is https (production); plain http for local use.
    useSecureCookies: new URL(appUrl()).protocol === "https:",
    adapter: DrizzleAdapter(db, {
      usersTable: users,
      accountsTable: accounts,
      sessionsTable: sessions,
      verificationTokensTable: verificationTokens,
    }),
    // Credentials need signed-token sessions; every request re-checks the user row (see jwt below).
    session: { strategy: "jwt", maxAge: SESSION_IDLE_MINUTES * 60 },
    pages: { signIn: "/sign-in", verifyRequest: "/sign-in/check-email", error: "/sign-in" },
    providers: [
      Credentials({
        credentials: { email: {}, password: {} },
        async authorize(credentials, request) {
          const parsed = ZSignIn.safeParse(credentials);
          if (!parsed.success) return null;
          const { email, password } = parsed.data;
          const ip = clientIp(request.headers);
          if ((await signInThrottle(email, ip)).limited) throw new TooManyAttempts();
          const user = await findUserByEmail(email);
          const valid = await verifyPassword(password, user?.passwordHash ?? (await dummyPasswordHash()));
          if (!user || !valid) {
            await recordSignInAttempt(email, ip, false);
            return null;
          }
          if (user.disabledAt) throw new AccountDisabled();
          await recordSignInAttempt(email, ip, true);
          return { id: user.id, name: user.name, email: user.email };
        },
      }),
      {
        id: "email",
        type: "email",
        name: "E-Mail",
        maxAge: MAGIC_LINK_MINUTES * 60,
        async sendVerificationRequest({ identifier, url }) {
          // Only existing, enabled accounts get a link; the page says the same either way.
          const user = await findUserByEmail(identifier);
          if (!user || user.disabledAt) return;
          // The link always points at APP_URL, never at a Host header a client could forge.
          const link = new URL(url);
          await sendMail(
            composeMail("magicLink", user.locale ?? "de", user.email, {
              name: user.name,
              url: `${appUrl()}${link.pathname}${link.search}`,
            }),
          );
        },
      },
    ],
    callbacks: {
      async signIn({ user, email }) {
        // A magic-link request answers the same for every address (sendVerificationRequest above
        // mails only existing, enabled accounts). Auth.js passes unknown addresses with a made-up
        // id, so checking the row here would refuse them and reveal which addresses have accounts.
        if (email?.verificationRequest) return true;
        if (!user.id) return false;
        const row = await findUserById(user.id);
        return Boolean(row && !row.disabledAt);
      },
      async jwt({ token, user }) {
        const claims = token as typeof token & Claims;
        const now = Math.floor(Date.now() / 1000);
        const userId = user?.id ?? claims.uid;
        if (!userId) return null;
        const row = await findUserById(userId);
        if (user) {
          if (!row || row.disabledAt) return null;
          claims.uid = row.id;
          claims.sv = row.sessionVersion;
          claims.authTime = now;
        } else if (sessionEndReason(claims, row, now, { idleMinutes: SESSION_IDLE_MINUTES, maxDays: SESSION_MAX_DAYS })) {
          return null;
        }
        if (!row) return null;
        claims.lastSeen = now;
        claims.name = row.name;
        claims.email = row.email;
        claims.role = row.role;
        claims.locale = row.locale;
        return claims;
      },
      session({ session, token }) {
        const claims = token as typeof token & Claims;
        session.user = {
          ...session.user,
          id: claims.uid ?? "",
          name: claims.name ?? "",
          email: claims.email ?? "",
          role: claims.role ?? "member",
          locale: claims.locale ?? null,
        };
        return session;
      },
    },
  };
}

export const { handlers, auth, signIn, signOut } = NextAuth(config);
