/** What a move reports back to the board: the sentence for the live region and where focus goes. */
export type MoveState = {
  message?: string;
  failed?: boolean;
  taskId?: string;
  direction?: string;
  /** The column the task is in after the move. */
  status?: string;
  /** Changes on every move, so the same move twice still re-announces and re-focuses. */
  seq?: number;
};
