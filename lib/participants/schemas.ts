import { z } from "zod";
import { sectors, thinkTankRoles } from "@/db/schema";
import { ZId, ZThinkTankRef } from "@/lib/think-tanks/schemas";
import { ZEmail, ZPassword, ZSignUp } from "@/lib/users/schemas";

/* Messages are keys of the `fieldErrors` namespace (participant-only keys: `participants.fieldErrors`). */

const ZToken = z.string({ message: "tokenInvalid" }).trim().min(20, { message: "tokenInvalid" }).max(200, { message: "tokenInvalid" });

export const ZThinkTankRole = z.enum(thinkTankRoles, { message: "invalidChoice" });

export { ZThinkTankRef };

export const ZAddParticipant = z.object({ thinkTankId: ZId, userId: ZId, role: ZThinkTankRole });
export type TAddParticipant = z.infer<typeof ZAddParticipant>;

export const ZChangeParticipantRole = z.object({ thinkTankId: ZId, userId: ZId, role: ZThinkTankRole });
export const ZRemoveParticipant = z.object({ thinkTankId: ZId, userId: ZId });

export const ZInviteToThinkTank = z.object({
  thinkTankId: ZId,
  email: ZEmail,
  role: ZThinkTankRole.default("knowledge_giver"),
  message: z
    .string()
    .trim()
    .max(2000, { message: "tooLong" })
    .optional()
    .transform((v) => v ?? ""),
});
export type TInviteToThinkTank = z.infer<typeof ZInviteToThinkTank>;

export const ZThinkTankInvitationRef = z.object({ thinkTankId: ZId, invitationId: ZId });

export const ZInvitationToken = z.object({ token: ZToken });

/** A new person accepts by naming themselves and choosing a password; the e-mail is the invitation's. */
export const ZAcceptWithSignUp = z.object({ token: ZToken, name: ZSignUp.shape.name, password: ZPassword });

/** Search filters from a GET form or the API: anything empty is simply no filter. */
const optionalFilter = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { message: "tooLong" })
    .optional()
    .transform((v) => v ?? "");

export const ZKnowledgeGiverSearch = z.object({
  thinkTankId: ZId,
  name: optionalFilter(200),
  organisation: optionalFilter(200),
  sector: z
    .union([z.enum(sectors), z.literal("")], { message: "invalidChoice" })
    .optional()
    .transform((v) => v || null),
  /** Expertise tags, comma-separated from forms or an array from the API. */
  expertise: z
    .union([z.string(), z.array(z.string())])
    .optional()
    .transform((v) => {
      const list = Array.isArray(v) ? v : (v ?? "").split(",");
      return [...new Set(list.map((s) => s.trim().toLowerCase()).filter(Boolean))];
    })
    .pipe(z.array(z.string().max(60, { message: "tooLong" })).max(20, { message: "tooLong" })),
});
export type TKnowledgeGiverSearch = z.infer<typeof ZKnowledgeGiverSearch>;
