import { z } from "zod";
import { boardTemplates } from "@/db/schema";
import { ZCustomPhase, ZId, ZLocale, ZTimebox } from "@/lib/think-tanks/schemas";

/* Messages are keys of the `fieldErrors` namespace in the message files. */

export const phaseRunActions = ["start", "pause", "complete", "reopen"] as const;
export type PhaseRunAction = (typeof phaseRunActions)[number];

const ZNotify = z
  .union([z.boolean(), z.enum(["true", "false", "on", "1", "0"])])
  .optional()
  .transform((v) => v === true || v === "true" || v === "on" || v === "1");

export const ZPhaseRef = z.object({ thinkTankId: ZId, phaseId: ZId });

export const ZRunPhase = z.object({
  thinkTankId: ZId,
  phaseId: ZId,
  action: z.enum(phaseRunActions, { message: "invalidChoice" }),
  /** On start: send the "phase started" mail to participants who want it. */
  notify: ZNotify,
});
export type TRunPhase = z.infer<typeof ZRunPhase>;

export const ZUpdatePhase = z.object({
  thinkTankId: ZId,
  phaseId: ZId,
  name: z.string({ message: "required" }).trim().min(1, { message: "required" }).max(120, { message: "tooLong" }),
  goal: z.string().trim().max(1000, { message: "tooLong" }).optional().transform((v) => v ?? ""),
  timeboxMinutes: ZTimebox,
});
export type TUpdatePhase = z.infer<typeof ZUpdatePhase>;

export const ZAddPhase = ZCustomPhase.extend({ thinkTankId: ZId, locale: ZLocale });
export type TAddPhase = z.infer<typeof ZAddPhase>;

export const ZMovePhase = z.object({
  thinkTankId: ZId,
  phaseId: ZId,
  direction: z.enum(["up", "down"], { message: "invalidChoice" }),
});
export type TMovePhase = z.infer<typeof ZMovePhase>;

/** A board a moderator adds to a phase; `anonymous` arrives as a checkbox value from forms. */
export const ZAddBoardToPhase = z.object({
  thinkTankId: ZId,
  phaseId: ZId,
  template: z.enum(boardTemplates, { message: "invalidChoice" }),
  title: z.string().trim().max(200, { message: "tooLong" }).optional().transform((v) => v || undefined),
  anonymous: ZNotify,
  locale: ZLocale,
});
export type TAddBoardToPhase = z.infer<typeof ZAddBoardToPhase>;
