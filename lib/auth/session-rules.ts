/** Claims Netzwerkstatt keeps in the signed session token, next to Auth.js's own. */
export type SessionClaims = {
  uid?: string;
  /** users.session_version at sign-in. */
  sv?: number;
  /** Sign-in time (seconds): the absolute timeout counts from here. */
  authTime?: number;
  /** Last request (seconds): the idle timeout counts from here. */
  lastSeen?: number;
};

export type SessionLimits = { idleMinutes: number; maxDays: number };
export type SessionEnd = "no_user" | "disabled" | "revoked" | "expired" | "idle";

/**
 * Why a session is over, or null while it is valid. Disabling a user or changing their password
 * bumps session_version, which ends every older session at its next request.
 */
export function sessionEndReason(
  claims: SessionClaims,
  user: { sessionVersion: number; disabledAt: Date | null } | null,
  nowSeconds: number,
  limits: SessionLimits,
): SessionEnd | null {
  if (!user) return "no_user";
  if (user.disabledAt) return "disabled";
  if (claims.sv !== user.sessionVersion) return "revoked";
  if (!claims.authTime || nowSeconds - claims.authTime > limits.maxDays * 86400) return "expired";
  if (claims.lastSeen && nowSeconds - claims.lastSeen > limits.idleMinutes * 60) return "idle";
  return null;
}
