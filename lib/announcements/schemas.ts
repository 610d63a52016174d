import { z } from "zod";

/* Messages are keys of the `fieldErrors` namespace in the message files. */

export const ZSendAnnouncement = z.object({
  subject: z.string({ message: "required" }).trim().min(1, { message: "required" }).max(200, { message: "tooLong" }),
  body: z.string({ message: "required" }).trim().min(1, { message: "required" }).max(20_000, { message: "tooLong" }),
});
export type TSendAnnouncement = z.infer<typeof ZSendAnnouncement>;

export const ZUnsubscribe = z.object({
  token: z.string({ message: "tokenInvalid" }).trim().min(1, { message: "tokenInvalid" }).max(500, { message: "tokenInvalid" }),
});
