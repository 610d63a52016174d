import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import { getDb } from "@/db/client";
import { apiTokens, users } from "@/db/schema";
import { recordAudit } from "@/lib/audit/commands";
import { hashToken, newToken } from "@/lib/auth/tokens";
import { AppError } from "@/lib/errors";
import { assertCan, type Actor } from "@/lib/policy";
import { parseInput } from "@/lib/validation";
import { API_TOKEN_PREFIX, ZCreateApiToken, ZRevokeApiToken } from "./schemas";

const MAX_TOKENS_PER_USER = 20;

/** Returns the plain token exactly once; only its hash is stored. */
export async function createApiToken({ actor, input }: { actor: Actor | null; input: unknown }) {
  assertCan(actor, "profile.edit");
  const { name } = parseInput(ZCreateApiToken, input);
  const { token } = newToken();
  const plain = `${API_TOKEN_PREFIX}${token}`;
  const db = await getDb();
  const row = await db.transaction(async (tx) => {
    const active = await tx
      .select({ id: apiTokens.id })
      .from(apiTokens)
      .where(and(eq(apiTokens.userId, actor.id), isNull(apiTokens.revokedAt)));
    if (active.length >= MAX_TOKENS_PER_USER) throw new AppError("conflict", "Too many active API tokens");
    const [created] = await tx
      .insert(apiTokens)
      .values({ userId: actor.id, name, tokenHash: hashToken(plain) })
      .returning({ id: apiTokens.id, name: apiTokens.name, createdAt: apiTokens.createdAt });
    if (!created) throw new Error("insert returned nothing");
    await recordAudit(tx, { actorId: actor.id, action: "api_token.created", subjectType: "api_token", subjectId: created.id });
    return created;
  });
  return { ...row, token: plain };
}

export async function revokeApiToken({ actor, input }: { actor: Actor | null; input: unknown }) {
  assertCan(actor, "profile.edit");
  const { tokenId } = parseInput(ZRevokeApiToken, input);
  const db = await getDb();
  await db.transaction(async (tx) => {
    const [revoked] = await tx
      .update(apiTokens)
      .set({ revokedAt: new Date() })
      .where(and(eq(apiTokens.id, tokenId), eq(apiTokens.userId, actor.id), isNull(apiTokens.revokedAt)))
      .returning({ id: apiTokens.id });
    // Someone else's token, or one already revoked: indistinguishable from a missing one.
    if (!revoked) throw new AppError("not_found", "API token not found");
    await recordAudit(tx, { actorId: actor.id, action: "api_token.revoked", subjectType: "api_token", subjectId: tokenId });
  });
}

/** The actor behind a Bearer token, or null for unknown, revoked, or disabled accounts. */
export async function actorFromApiToken(plain: string): Promise<Actor | null> {
  if (!plain.startsWith(API_TOKEN_PREFIX)) return null;
  const db = await getDb();
  const [row] = await db
    .select({ tokenId: apiTokens.id, id: users.id, role: users.role, disabledAt: users.disabledAt })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .where(and(eq(apiTokens.tokenHash, hashToken(plain)), isNull(apiTokens.revokedAt)));
  if (!row || row.disabledAt) return null;
  await db.update(apiTokens).set({ lastUsedAt: new Date() }).where(eq(apiTokens.id, row.tokenId));
  return { id: row.id, role: row.role };
}
