import { io } from "socket.io-client";
import { demo, expect, test } from "../support/fixtures";
import { createThinkTank, signedInContext } from "./support";

/*
 * Somebody outside the think-tank (BiNet's member, signed in, not a participant and not a
 * steward): 404 for the board page, its print view and exports; board:join refused.
 */
test("a non-participant gets 404 for the board and its board:join is refused", async ({ adminPage, newContext, baseURL }) => {
  const thinkTank = await createThinkTank(adminPage.request);
  const url = thinkTank.url(thinkTank.columns);

  const outsiderContext = await signedInContext(newContext, demo.member.email);
  const outsider = await outsiderContext.newPage();
  const response = await outsider.goto(url);
  expect(response?.status()).toBe(404);
  for (const path of ["/print", "/export/markdown", "/export/csv"]) {
    expect((await outsiderContext.request.get(`${url}${path}`)).status(), path).toBe(404);
  }

  // The socket handshake accepts the session; joining this board is refused like the page.
  const cookie = (await outsiderContext.cookies()).map((c) => `${c.name}=${c.value}`).join("; ");
  const socket = io(baseURL!, { path: "/socket.io", transports: ["websocket"], extraHeaders: { cookie }, reconnection: false });
  try {
    await new Promise<void>((resolve, reject) => {
      socket.once("connect", () => resolve());
      socket.once("connect_error", reject);
    });
    const ack = (await socket.timeout(10_000).emitWithAck("board:join", { boardId: thinkTank.columns.id })) as { ok: boolean; error?: { code: string }; snapshot?: unknown };
    expect(ack.ok).toBe(false);
    expect(ack.error?.code).toBe("not_found");
    expect(ack.snapshot).toBeUndefined();
  } finally {
    socket.disconnect();
  }
});
