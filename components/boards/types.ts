export type { BoardConflict, BoardView, ConnectionState as BoardConnection } from "@/lib/realtime/client";
export type { BoardController } from "@/lib/realtime/use-board";
