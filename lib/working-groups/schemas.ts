import { z } from "zod";
import { ZId, ZNetworkRef } from "@/lib/tasks/schemas";

/* Messages are keys of the `fieldErrors` namespace in the message files. */

export const GROUP_NAME_MAX = 80;

const ZName = z.string({ message: "required" }).trim().min(1, { message: "required" }).max(GROUP_NAME_MAX, { message: "tooLong" });
const ZDescription = z
  .string()
  .trim()
  .max(500, { message: "tooLong" })
  .optional();

export const ZCreateWorkingGroup = z.object({ network: ZNetworkRef, name: ZName, description: ZDescription.transform((v) => v ?? "") });
export type TCreateWorkingGroup = z.infer<typeof ZCreateWorkingGroup>;

export const ZRenameWorkingGroup = z.object({ network: ZNetworkRef, groupId: ZId, name: ZName, description: ZDescription });
export const ZWorkingGroupRef = z.object({ network: ZNetworkRef, groupId: ZId });
export const ZWorkingGroupMember = z.object({ network: ZNetworkRef, groupId: ZId, userId: ZId });
