import http from "node:http";
import type { AddressInfo } from "node:net";
import { Server } from "socket.io";

/*
 * The benchmark's reference: a bare socket.io 4.8 server that speaks the same wire protocol as the
 * board engine (board:join, board:op with ack, board:event to the board's room) but only relays:
 * no session check, no validation, no policy, no database. Run as its own process, like the app.
 *   node --import tsx bench/realtime/bare-server.ts [port]
 * Prints `ready <port>` once listening.
 */

const port = Number(process.argv[2] ?? 0);
const server = http.createServer((_req, res) => res.writeHead(404).end());
const io = new Server(server, { path: "/socket.io", serveClient: false, maxHttpBufferSize: 64 * 1024 });
const seqs = new Map<string, number>();

type Ack = (response: unknown) => void;
type OpMessage = { boardId: string; clientOpId: string; op: { type: string } & Record<string, unknown> };

io.on("connection", (socket) => {
  socket.on("board:join", (message: { boardId: string }, ack?: Ack) => {
    void socket.join(`board:${message.boardId}`);
    ack?.({ ok: true, seq: seqs.get(message.boardId) ?? 0, snapshot: { seq: seqs.get(message.boardId) ?? 0, cards: [], groups: [], columns: [] } });
  });
  socket.on("board:op", (message: OpMessage, ack?: Ack) => {
    const seq = (seqs.get(message.boardId) ?? 0) + 1;
    seqs.set(message.boardId, seq);
    io.to(`board:${message.boardId}`).emit("board:event", {
      boardId: message.boardId,
      seq,
      type: message.op.type,
      payload: message.op,
      clientOpId: message.clientOpId,
    });
    ack?.({ ok: true, seq, result: {} });
  });
});

server.listen(port, "127.0.0.1", () => {
  console.info(`ready ${(server.address() as AddressInfo).port}`);
});
process.on("SIGTERM", () => {
  void io.close();
  server.close(() => process.exit(0));
});
