/*
 * Commands run inside Next.js route handlers and server actions, which are bundled apart from
 * server.ts but live in the same process: the socket.io server is handed over on globalThis.
 * With the Redis adapter, an emit here reaches the room's clients on every instance.
 */
type Emitter = { to(room: string): { emit(event: string, payload: unknown): unknown } };

const KEY = Symbol.for("netzwerkstatt.realtime");
type Holder = { [KEY]?: Emitter };

export function publishRealtimeServer(io: Emitter | undefined): void {
  (globalThis as Holder)[KEY] = io;
}

/** Best effort: without a running socket server (tests, scripts) nobody is listening anyway. */
export function emitToRoom(room: string, event: string, payload: unknown): void {
  (globalThis as Holder)[KEY]?.to(room).emit(event, payload);
}

export const rooms = {
  user: (userId: string) => `user:${userId}`,
  board: (boardId: string) => `board:${boardId}`,
  thinkTank: (thinkTankId: string) => `think-tank:${thinkTankId}`,
  /** Every socket on any board of the think-tank: told when a phase or status change opens or closes boards. */
  thinkTankBoards: (thinkTankId: string) => `think-tank:${thinkTankId}:boards`,
};
