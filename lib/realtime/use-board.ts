"use client";

import { useCallback, useEffect, useMemo, useState, useSyncExternalStore } from "react";
import { io } from "socket.io-client";
import type { BoardEvent, BoardOpInput, BoardSnapshot } from "./events";
import { BoardClient, localStorageStore, type BoardView } from "./client";

export type BoardController = {
  /** Queues an op; a malformed one is reported and dropped, never thrown into React. */
  submit(op: BoardOpInput): string | null;
  resolveConflict(clientOpId: string, text: string): void;
  moveCursor(x: number, y: number): void;
  followView(x: number, y: number): void;
};

export type UseBoard = {
  /** null during server rendering and until the client exists. */
  view: BoardView | null;
  controller: BoardController | null;
  /** Subscribes to events other people caused (screen-reader announcements); returns the unsubscribe. */
  onRemoteEvent: ((listener: (event: BoardEvent, snapshot: BoardSnapshot) => void) => () => void) | null;
};

const noSubscription = () => () => {};

/**
 * React over the framework-free BoardClient (lib/realtime/client.ts): one socket.io connection on
 * the app's own origin (websocket only: a long-polling fallback would fight the session cookie's
 * SameSite rules and the venue Wi-Fi's proxies for nothing), unacknowledged ops kept in
 * localStorage so a reload loses nothing, and the client's view read through
 * useSyncExternalStore (the view object only changes when something changed).
 */
export function useBoard(boardId: string, userId: string): UseBoard {
  // Created on the client only (server rendering has no window, no socket and no localStorage).
  // The socket does not connect before the effect starts the client.
  const [live] = useState(() => {
    if (typeof window === "undefined") return null;
    const socket = io({ path: "/socket.io", transports: ["websocket"], autoConnect: false });
    // Unsaved ops are kept per person: on a shared computer, the next person signing in must not
    // send the previous person's edits under their own name.
    const store = localStorageStore(window.localStorage, `nzw.board.${userId}`);
    return { socket, client: new BoardClient({ boardId, socket, store }) };
  });
  const client = live?.client ?? null;

  useEffect(() => {
    if (!live) return;
    // start() connects the socket when needed, so a re-run after this cleanup comes back online.
    live.client.start();
    // The browser knows first when the network is gone (Wi-Fi dropped): a websocket may take
    // its ping timeout (tens of seconds) to notice. engine.io only listens for this on hosts other
    // than localhost; we do it everywhere, and reconnect as soon as the network is back.
    const offline = () => live.socket.disconnect();
    const online = () => {
      if (!live.socket.connected) live.socket.connect();
    };
    window.addEventListener("offline", offline);
    window.addEventListener("online", online);
    return () => {
      window.removeEventListener("offline", offline);
      window.removeEventListener("online", online);
      live.client.stop();
      live.socket.disconnect();
    };
  }, [live]);

  const subscribe = useCallback((listener: () => void) => (client ? client.subscribe(listener) : noSubscription()), [client]);
  const view = useSyncExternalStore(
    subscribe,
    () => client?.getView() ?? null,
    () => null,
  );

  const controller = useMemo<BoardController | null>(() => {
    if (!client) return null;
    return {
      submit(op) {
        try {
          return client.submit(op);
        } catch (error) {
          console.error("[board] op refused before sending", error);
          return null;
        }
      },
      resolveConflict: (clientOpId, text) => void client.resolveConflict(clientOpId, text),
      moveCursor: (x, y) => client.moveCursor(x, y),
      followView: (x, y) => client.followView(x, y),
    };
  }, [client]);

  const onRemoteEvent = useMemo(() => (client ? client.onRemoteEvent.bind(client) : null), [client]);

  return { view, controller, onRemoteEvent };
}
