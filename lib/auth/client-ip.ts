/**
 * server.ts writes the peer address into this header and drops any copy a client sent, so it can
 * be trusted for throttling (behind a proxy, with TRUST_PROXY=true, it is X-Forwarded-For's first hop).
 */
export const CLIENT_IP_HEADER = "x-netzwerkstatt-client-ip";

export function clientIp(headers: Headers): string {
  return headers.get(CLIENT_IP_HEADER) ?? "unknown";
}
