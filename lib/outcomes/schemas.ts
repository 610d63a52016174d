import { z } from "zod";
import { locales } from "@/db/schema";
import { ZDescription, ZDueDate, ZTitle } from "@/lib/tasks/schemas";
import { ZId, ZThinkTankRef } from "@/lib/think-tanks/schemas";

/* Messages are keys of the `fieldErrors` namespace (outcome-only keys: `outcome.fieldErrors`). */

const requiredText = (max: number) => z.string({ message: "required" }).trim().min(1, { message: "required" }).max(max, { message: "tooLong" });
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { message: "tooLong" })
    .optional()
    .transform((v) => v ?? "");

export { ZThinkTankRef };

export const ZOutcomeIdea = z.object({
  title: requiredText(300),
  note: optionalText(2000),
  /** The card the idea came from (a card of this think-tank's boards). */
  cardId: z
    .union([ZId, z.null()])
    .optional()
    .transform((v) => v ?? null),
});

export const problemResolutions = ["resolved", "open"] as const;
export const ZProblemResolution = z.object({
  problemId: ZId,
  resolution: z.enum(problemResolutions, { message: "invalidChoice" }),
  note: optionalText(1000),
});

export const ZConcludeThinkTank = z.object({
  thinkTankId: ZId,
  summary: requiredText(10_000),
  decisions: optionalText(10_000),
  ideas: z.array(ZOutcomeIdea, { message: "invalidChoice" }).max(50, { message: "tooLong" }).default([]),
  /** Origin problems not named here stay open. */
  problems: z.array(ZProblemResolution, { message: "invalidChoice" }).max(100, { message: "tooLong" }).default([]),
});
export type TConcludeThinkTank = z.infer<typeof ZConcludeThinkTank>;

/** One result becomes one task in an origin network's Work-Space, with an owner and a due date. */
export const ZHandBackTask = z.object({
  thinkTankId: ZId,
  networkId: ZId,
  title: ZTitle,
  description: ZDescription.optional().transform((v) => v ?? ""),
  assigneeId: ZId,
  dueDate: ZDueDate.pipe(z.string({ message: "required" })),
});
export type THandBackTask = z.infer<typeof ZHandBackTask>;

export const ZCarryOver = z.object({
  thinkTankId: ZId,
  title: requiredText(200),
  question: requiredText(500),
  problemIds: z
    .union([ZId, z.array(ZId)])
    .optional()
    .transform((v) => (v === undefined ? [] : Array.isArray(v) ? [...new Set(v)] : [v])),
  cardIds: z
    .union([ZId, z.array(ZId)])
    .optional()
    .transform((v) => (v === undefined ? [] : Array.isArray(v) ? [...new Set(v)] : [v]))
    .pipe(z.array(z.string()).max(200, { message: "tooLong" })),
  /** Language of the new think-tank's phase names and board titles. */
  locale: z.enum(locales).optional().catch(undefined).transform((v) => v ?? "de"),
});
export type TCarryOver = z.infer<typeof ZCarryOver>;

export const ZArchiveSearch = z.object({
  q: z
    .string()
    .trim()
    .max(200)
    .optional()
    .transform((v) => v ?? ""),
});
