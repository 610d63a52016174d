import { z } from "zod";
import { networkRoles } from "@/db/schema";
import { ZEmail } from "@/lib/users/schemas";

/* Messages are keys of the `fieldErrors` namespace (or, for membership-only keys, `members.fieldErrors`). */

/** A network by id or slug; access is decided by networkAccess, never by trusting this value. */
const ZNetworkRef = z.string({ message: "required" }).trim().min(1, { message: "required" }).max(200, { message: "tooLong" });
const ZId = z.string({ message: "required" }).trim().min(1, { message: "required" }).max(100, { message: "tooLong" });
const ZToken = z.string({ message: "tokenInvalid" }).trim().min(20, { message: "tokenInvalid" }).max(200, { message: "tokenInvalid" });

/** An optional successor: "" from a form's "nobody" option means none. */
const ZOptionalUserId = z
  .string()
  .trim()
  .max(100, { message: "tooLong" })
  .optional()
  .transform((v) => (v ? v : null));

export const ZInviteMember = z.object({
  network: ZNetworkRef,
  email: ZEmail,
  role: z.enum(networkRoles, { message: "invalidChoice" }).default("member"),
});
export type TInviteMember = z.infer<typeof ZInviteMember>;

export const ZInvitationRef = z.object({ network: ZNetworkRef, invitationId: ZId });

/** Either the link's token, or (from "Meine Netzwerke") the invitation's id for a verified e-mail address. */
export const ZAcceptInvitation = z.union([z.object({ token: ZToken }), z.object({ invitationId: ZId })], { message: "tokenInvalid" });

export const ZRequestToJoin = z.object({
  network: ZNetworkRef,
  message: z
    .string()
    .trim()
    .max(1000, { message: "tooLong" })
    .optional()
    .transform((v) => v ?? ""),
});

export const ZJoinRequestRef = z.object({ requestId: ZId });

export const ZDecideJoinRequest = z.object({
  network: ZNetworkRef,
  requestId: ZId,
  decision: z.enum(["approve", "decline"], { message: "invalidChoice" }),
});

export const ZChangeMemberRole = z.object({
  network: ZNetworkRef,
  userId: ZId,
  role: z.enum(networkRoles, { message: "invalidChoice" }),
  successorId: ZOptionalUserId,
});

export const ZRemoveMember = z.object({
  network: ZNetworkRef,
  userId: ZId,
  successorId: ZOptionalUserId,
});

export const ZLeaveNetwork = z.object({
  network: ZNetworkRef,
  successorId: ZOptionalUserId,
});

export const ZSetAnnouncementsMuted = z.object({
  network: ZNetworkRef,
  muted: z.union([z.boolean(), z.enum(["true", "false"]).transform((v) => v === "true")], { message: "invalidChoice" }),
});
