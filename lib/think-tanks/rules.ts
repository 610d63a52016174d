import type { ThinkTankStatus } from "@/db/schema";

/*
 * Think-tank life (pure). This module covers convening → active ⇄ paused; concluding, archiving
 * and carrying over are their own commands (lib/outcomes).
 */

export const statusTransitions: Record<ThinkTankStatus, readonly ThinkTankStatus[]> = {
  convening: ["active"],
  active: ["paused"],
  paused: ["active"],
  concluded: [],
  archived: [],
};

export function canChangeStatus(from: ThinkTankStatus, to: ThinkTankStatus): boolean {
  return statusTransitions[from].includes(to);
}

export const editableThinkTankFields = ["title", "question", "goals", "visibility", "startsOn", "endsOn"] as const;
export type EditableThinkTankField = (typeof editableThinkTankFields)[number];

/**
 * What may change in each status: while convening, everything; once work has begun the guiding
 * question and start date are fixed (the participants were invited to that question); a paused
 * think-tank only updates its goals and end date; concluded and archived ones are records.
 */
const editableByStatus: Record<ThinkTankStatus, readonly EditableThinkTankField[]> = {
  convening: editableThinkTankFields,
  active: ["title", "goals", "visibility", "endsOn"],
  paused: ["goals", "endsOn"],
  concluded: [],
  archived: [],
};

export function editableFields(status: ThinkTankStatus): readonly EditableThinkTankField[] {
  return editableByStatus[status];
}

export function isEditableField(status: ThinkTankStatus, field: EditableThinkTankField): boolean {
  return editableByStatus[status].includes(field);
}
