import { NextRequest } from "next/server";
import { asc, eq } from "drizzle-orm";
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { POST as addBoardRoute } from "@/app/api/v1/think-tanks/[id]/phases/[phaseId]/boards/route";
import { boardColumns, boards, phases, thinkTankParticipants, type User } from "@/db/schema";
import { createApiToken } from "@/lib/api-tokens/commands";
import { addBoardToPhase, runPhase } from "@/lib/phases/commands";
import { createThinkTank } from "@/lib/think-tanks/commands";
import { testDriver, useTestDatabase as setUpTestDatabase } from "../support/database";
import { appError } from "../support/errors";
import { actorOf, auditEntries, createUser } from "../support/factories";

const t = setUpTestDatabase();

beforeEach(() => {
  vi.spyOn(console, "info").mockImplementation(() => {});
});

let moderator: User;
let knowledgeGiver: User;
let outsider: User;

beforeAll(async () => {
  [moderator, knowledgeGiver, outsider] = await Promise.all([
    createUser({ role: "moderator", name: "Moritz Moderation" }),
    createUser({ name: "Karla Wissen" }),
    createUser({ name: "Otto Außen" }),
  ]);
});

async function newThinkTank() {
  const tt = await createThinkTank({
    actor: actorOf(moderator),
    input: { title: "Boards je Phase", question: "Wie könnten wir rückblicken?", template: "dschool", locale: "de" },
  });
  await t.db.insert(thinkTankParticipants).values({ thinkTankId: tt.id, userId: knowledgeGiver.id, role: "knowledge_giver" });
  const list = await t.db.select().from(phases).where(eq(phases.thinkTankId, tt.id)).orderBy(asc(phases.position));
  return { tt, phases: list };
}

const boardsOf = (phaseId: string) => t.db.select().from(boards).where(eq(boards.phaseId, phaseId)).orderBy(asc(boards.position));
const columnsOf = (boardId: string) => t.db.select().from(boardColumns).where(eq(boardColumns.boardId, boardId)).orderBy(asc(boardColumns.position));

describe(`addBoardToPhase (${testDriver()})`, () => {
  it("adds an anonymous retrospective with its four questions after the phase's boards; audited", async () => {
    const { tt, phases: list } = await newThinkTank();
    const phase = list[0]!;
    const before = await boardsOf(phase.id);
    expect(before).toHaveLength(1);

    const added = await addBoardToPhase({ actor: actorOf(moderator), input: { thinkTankId: tt.id, phaseId: phase.id, template: "retrospective", anonymous: "true", locale: "de" } });
    expect(added).toMatchObject({ title: "Retrospektive", template: "retrospective", kind: "columns", anonymous: true });

    const after = await boardsOf(phase.id);
    expect(after.map((b) => b.id)).toEqual([before[0]!.id, added.id]);
    expect(after[1]).toMatchObject({ thinkTankId: tt.id, position: before[0]!.position + 1, anonymous: true, votesPerPerson: 0, locked: false });
    expect((await columnsOf(added.id)).map((c) => [c.position, c.title])).toEqual([
      [1, "Was war gut und ist es wert, beibehalten zu werden?"],
      [2, "Was war notwendig, hat aber seinen Zweck erfüllt?"],
      [3, "Was fehlt noch?"],
      [4, "Was beschäftigt uns sonst noch?"],
    ]);
    const [entry] = await auditEntries({ action: "thinkTank.boardAdded", subjectId: added.id });
    expect(entry).toMatchObject({ actorId: moderator.id, subjectType: "board" });
    expect(entry!.data).toMatchObject({ thinkTankId: tt.id, phaseId: phase.id, template: "retrospective", anonymous: true });
  });

  it("takes a title, English columns, a canvas without columns and a running phase", async () => {
    const { tt, phases: list } = await newThinkTank();
    const phase = list[1]!;
    await runPhase({ actor: actorOf(moderator), input: { thinkTankId: tt.id, phaseId: phase.id, action: "start" } });
    const wall = await addBoardToPhase({ actor: actorOf(moderator), input: { thinkTankId: tt.id, phaseId: phase.id, template: "info_wall", title: "  Wer wir sind  ", locale: "en" } });
    expect(wall).toMatchObject({ title: "Wer wir sind", kind: "columns", anonymous: false });
    expect((await columnsOf(wall.id)).map((c) => c.title)).toEqual(["Who is here", "What can I offer", "What am I looking for"]);
    const canvas = await addBoardToPhase({ actor: actorOf(moderator), input: { thinkTankId: tt.id, phaseId: phase.id, template: "canvas" } });
    expect(canvas).toMatchObject({ title: "Arbeitsfläche", kind: "canvas", template: "canvas", anonymous: false });
    expect(await columnsOf(canvas.id)).toEqual([]);
    expect((await boardsOf(phase.id)).map((b) => [b.position, b.id])).toEqual([
      [0, expect.any(String)],
      [1, wall.id],
      [2, canvas.id],
    ]);
  });

  it("refuses knowledge-givers (forbidden), outsiders and foreign phases (not_found), completed phases (conflict) and bad templates (invalid_input); nothing created", async () => {
    const { tt, phases: list } = await newThinkTank();
    const other = await newThinkTank();
    const phase = list[0]!;
    const input = { thinkTankId: tt.id, phaseId: phase.id, template: "retrospective" };

    expect((await appError(addBoardToPhase({ actor: actorOf(knowledgeGiver), input }))).code).toBe("forbidden");
    expect((await appError(addBoardToPhase({ actor: actorOf(outsider), input }))).code).toBe("not_found");
    expect((await appError(addBoardToPhase({ actor: actorOf(moderator), input: { ...input, phaseId: other.phases[0]!.id } }))).code).toBe("not_found");
    const bad = await appError(addBoardToPhase({ actor: actorOf(moderator), input: { ...input, template: "kanban" } }));
    expect(bad.code).toBe("invalid_input");
    expect(bad.fields?.template).toEqual(["invalidChoice"]);

    await runPhase({ actor: actorOf(moderator), input: { thinkTankId: tt.id, phaseId: phase.id, action: "start" } });
    await runPhase({ actor: actorOf(moderator), input: { thinkTankId: tt.id, phaseId: phase.id, action: "complete" } });
    expect((await appError(addBoardToPhase({ actor: actorOf(moderator), input }))).code).toBe("conflict");

    expect(await boardsOf(phase.id)).toHaveLength(1);
    expect(await boardsOf(other.phases[0]!.id)).toHaveLength(1);
    expect((await auditEntries({ action: "thinkTank.boardAdded" })).filter((e) => (e.data as { thinkTankId?: string }).thinkTankId === tt.id)).toEqual([]);
  });
});

describe("POST /api/v1/think-tanks/{id}/phases/{phaseId}/boards", () => {
  const params = <P>(p: P) => ({ params: Promise.resolve(p) });
  function request(url: string, token: string, body: unknown) {
    return new NextRequest(`http://localhost:3000/api/v1${url}`, {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
      body: JSON.stringify(body),
    });
  }

  it("answers 201 with the board; 400 for a bad template, 403 for a knowledge-giver, 404 for an outsider", async () => {
    const { tt, phases: list } = await newThinkTank();
    const phase = list[2]!;
    const token = async (u: User) => (await createApiToken({ actor: actorOf(u), input: { name: "api" } })).token;
    const url = `/think-tanks/${tt.id}/phases/${phase.id}/boards`;
    const p = params({ id: tt.id, phaseId: phase.id });

    const created = await addBoardRoute(request(url, await token(moderator), { template: "retrospective", title: "Rückblick", anonymous: true }), p);
    expect(created.status).toBe(201);
    const { board } = (await created.json()) as { board: Record<string, unknown> };
    expect(board).toEqual({ id: expect.any(String), title: "Rückblick", template: "retrospective", kind: "columns", anonymous: true });
    expect(await columnsOf(String(board.id))).toHaveLength(4);

    expect((await addBoardRoute(request(url, await token(moderator), { template: "kanban" }), p)).status).toBe(400);
    expect((await addBoardRoute(request(url, await token(knowledgeGiver), { template: "canvas" }), p)).status).toBe(403);
    expect((await addBoardRoute(request(url, await token(outsider), { template: "canvas" }), p)).status).toBe(404);
    expect(await boardsOf(phase.id)).toHaveLength(2);
  });
});
