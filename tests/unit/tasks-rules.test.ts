import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { renderMarkdown, sanitizeMarkdownHtml } from "@/lib/markdown";
import { applyMove, canDeleteTask, isOverdue, parseTaskFilters, positionUpdates, resolveMove, taskFiltersQuery, todayIn, type Columns } from "@/lib/tasks/rules";
import { ZCreateTask, ZUpdateTask } from "@/lib/tasks/schemas";

describe("todayIn / isOverdue", () => {
  it("takes the calendar day in Berlin, not UTC", () => {
    // 23:30 UTC on 31 Dec is already 1 Jan in Berlin (UTC+1).
    expect(todayIn("Europe/Berlin", new Date("2024-12-31T23:30:00Z"))).toBe("2025-01-01");
    expect(todayIn("UTC", new Date("2024-12-31T23:30:00Z"))).toBe("2024-12-31");
    // Summer time (UTC+2).
    expect(todayIn("Europe/Berlin", new Date("2024-06-30T22:30:00Z"))).toBe("2024-07-01");
  });

  it("is overdue only before today and only while not done", () => {
    const today = "2024-05-10";
    expect(isOverdue({ dueDate: "2024-05-09", status: "open" }, today)).toBe(true);
    expect(isOverdue({ dueDate: "2024-05-09", status: "in_progress" }, today)).toBe(true);
    expect(isOverdue({ dueDate: "2024-05-09", status: "done" }, today)).toBe(false);
    expect(isOverdue({ dueDate: "2024-05-10", status: "open" }, today)).toBe(false);
    expect(isOverdue({ dueDate: "2024-05-11", status: "open" }, today)).toBe(false);
    expect(isOverdue({ dueDate: null, status: "open" }, today)).toBe(false);
    // Across month and year boundaries the ISO strings still compare as dates.
    expect(isOverdue({ dueDate: "2023-12-31", status: "open" }, "2024-01-01")).toBe(true);
    expect(isOverdue({ dueDate: "2024-02-29", status: "open" }, "2024-03-01")).toBe(true);
  });
});

describe("moves", () => {
  const cols = (): Columns => ({ open: ["a", "b", "c"], in_progress: ["d"], done: [] });

  it("resolves keyboard steps", () => {
    expect(resolveMove(cols(), "b", "up")).toEqual({ status: "open", index: 0 });
    expect(resolveMove(cols(), "a", "up")).toBeNull();
    expect(resolveMove(cols(), "b", "down")).toEqual({ status: "open", index: 2 });
    expect(resolveMove(cols(), "c", "down")).toBeNull();
    expect(resolveMove(cols(), "a", "left")).toBeNull();
    expect(resolveMove(cols(), "a", "right")).toEqual({ status: "in_progress", index: 0 });
    // Same height, or the end of a shorter column.
    expect(resolveMove(cols(), "c", "right")).toEqual({ status: "in_progress", index: 1 });
    expect(resolveMove(cols(), "d", "right")).toEqual({ status: "done", index: 0 });
    expect(resolveMove(cols(), "d", "left")).toEqual({ status: "open", index: 0 });
    expect(resolveMove(cols(), "zzz", "left")).toBeNull();
  });

  it("applies moves and clamps the index", () => {
    expect(applyMove(cols(), "c", { status: "open", index: 0 })).toEqual({ open: ["c", "a", "b"], in_progress: ["d"], done: [] });
    expect(applyMove(cols(), "a", { status: "done", index: 7 })).toEqual({ open: ["b", "c"], in_progress: ["d"], done: ["a"] });
    expect(applyMove(cols(), "a", { status: "in_progress", index: -3 })).toEqual({ open: ["b", "c"], in_progress: ["a", "d"], done: [] });
  });

  it("writes only the positions that change", () => {
    const current = new Map([
      ["a", { status: "open" as const, position: 0 }],
      ["b", { status: "open" as const, position: 1 }],
      ["c", { status: "open" as const, position: 2 }],
    ]);
    expect(positionUpdates(["a", "c", "b"], current, "open")).toEqual([
      { id: "c", position: 1, status: "open" },
      { id: "b", position: 2, status: "open" },
    ]);
    expect(positionUpdates(["b", "c"], current, "open")).toEqual([
      { id: "b", position: 0, status: "open" },
      { id: "c", position: 1, status: "open" },
    ]);
    expect(positionUpdates(["a"], current, "done")).toEqual([{ id: "a", position: 0, status: "done" }]);
  });

  it("never loses or duplicates a task, whatever the moves (property)", () => {
    const ids = ["a", "b", "c", "d", "e"];
    const step = fc.record({ id: fc.constantFrom(...ids), dir: fc.constantFrom("left", "right", "up", "down" as const) });
    fc.assert(
      fc.property(fc.array(step, { maxLength: 30 }), (steps) => {
        let columns: Columns = { open: ["a", "b"], in_progress: ["c", "d"], done: ["e"] };
        for (const { id, dir } of steps) {
          const target = resolveMove(columns, id, dir);
          if (target) columns = applyMove(columns, id, target);
        }
        const all = [...columns.open, ...columns.in_progress, ...columns.done].sort();
        expect(all).toEqual(ids);
      }),
    );
  });
});

describe("who deletes", () => {
  const member = { id: "m", role: "member" as const };
  it("coordinators, admins and the creator; not other members; nobody in archived networks", () => {
    expect(canDeleteTask(member, { networkRole: "member", status: "active" }, { createdById: "m" })).toBe(true);
    expect(canDeleteTask(member, { networkRole: "member", status: "active" }, { createdById: "x" })).toBe(false);
    expect(canDeleteTask(member, { networkRole: "member", status: "active" }, { createdById: null })).toBe(false);
    expect(canDeleteTask(member, { networkRole: "coordinator", status: "paused" }, { createdById: "x" })).toBe(true);
    expect(canDeleteTask({ id: "a", role: "admin" }, { networkRole: null, status: "active" }, { createdById: "x" })).toBe(true);
    expect(canDeleteTask({ id: "mod", role: "moderator" }, { networkRole: null, status: "active" }, { createdById: "mod" })).toBe(false);
    expect(canDeleteTask(member, { networkRole: "coordinator", status: "archived" }, { createdById: "m" })).toBe(false);
    expect(canDeleteTask(null, { networkRole: "coordinator", status: "active" }, { createdById: "m" })).toBe(false);
  });
});

describe("filters from the URL", () => {
  it("parses leniently and round-trips", () => {
    expect(parseTaskFilters({})).toEqual({ mine: false, overdue: false, label: null, group: null, status: null });
    const f = parseTaskFilters({ mine: "1", overdue: "on", label: " eltern ", group: ["g1", "g2"], status: "done" });
    expect(f).toEqual({ mine: true, overdue: true, label: "eltern", group: "g1", status: "done" });
    expect(parseTaskFilters({ status: "weird", mine: "nope" })).toMatchObject({ status: null, mine: false });
    expect(taskFiltersQuery(f)).toBe("?mine=1&overdue=1&label=eltern&group=g1&status=done");
    expect(taskFiltersQuery({})).toBe("");
  });
});

describe("task schemas", () => {
  it("normalises labels, dates and empty choices", () => {
    const data = ZCreateTask.parse({ network: "binet", title: " T ", labels: "Eltern, eltern, , Schule", dueDate: "01.02.2030", assigneeId: "", workingGroupId: "" });
    expect(data).toMatchObject({ title: "T", labels: ["Eltern", "Schule"], dueDate: "2030-02-01", assigneeId: null, workingGroupId: null, status: "open", description: "" });
    expect(ZCreateTask.safeParse({ network: "binet", title: "T", dueDate: "31.02.2030" }).success).toBe(false);
    expect(ZCreateTask.safeParse({ network: "binet", title: "T", labels: Array.from({ length: 11 }, (_, i) => `l${i}`) }).success).toBe(false);
  });

  it("leaves unsent fields out of an update", () => {
    const data = ZUpdateTask.parse({ network: "binet", taskId: "t1", title: "Neu" });
    expect(Object.entries(data).filter(([, v]) => v !== undefined)).toEqual([
      ["network", "binet"],
      ["taskId", "t1"],
      ["title", "Neu"],
    ]);
    expect(ZUpdateTask.parse({ network: "b", taskId: "t", assigneeId: null, dueDate: "" })).toMatchObject({ assigneeId: null, dueDate: null });
  });
});

describe("markdown sanitisation", () => {
  it("renders Markdown", () => {
    const html = renderMarkdown("# Titel\n\n**fett** und _kursiv_\n\n- eins\n- zwei");
    expect(html).toContain("<h3>Titel</h3>");
    expect(html).toContain("<strong>fett</strong>");
    expect(html).toContain("<li>eins</li>");
  });

  it("strips scripts, event handlers and dangerous URLs", () => {
    const html = renderMarkdown(
      [
        "<script>alert('x')</script>",
        "<img src=x onerror=alert(1)>",
        "[klick](javascript:alert(1))",
        "[data](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
        '<a href="JaVaScRiPt:alert(1)">a</a>',
        '<a href="java&#x09;script:alert(1)">b</a>',
        '<p onclick="alert(1)" style="color:red">p</p>',
        "<iframe src=https://evil.example></iframe>",
        "<svg><script>alert(1)</script></svg>",
      ].join("\n\n"),
    );
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/alert/);
    expect(html).not.toMatch(/onerror|onclick|style=/i);
    expect(html).not.toMatch(/javascript:/i);
    expect(html).not.toMatch(/data:/i);
    expect(html).not.toMatch(/<iframe|<svg/i);
  });

  it("gives links rel=noopener noreferrer nofollow, overriding any rel the author wrote", () => {
    expect(renderMarkdown("[BiNet](https://binet.example)")).toBe('<p><a href="https://binet.example" rel="noopener noreferrer nofollow">BiNet</a></p>');
    expect(sanitizeMarkdownHtml('<a href="https://x.example" rel="opener" target="_blank">x</a>')).toBe('<a href="https://x.example" rel="noopener noreferrer nofollow">x</a>');
    expect(renderMarkdown("[mail](mailto:a@b.example)")).toContain('href="mailto:a@b.example"');
  });

  it("returns nothing for empty input", () => {
    expect(renderMarkdown("   ")).toBe("");
  });
});
