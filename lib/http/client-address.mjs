// The address a request comes from, for the per-address login limit. Plain JavaScript because the
// Next.js server process loads it before anything else (scripts/guard-requests.mjs), where
// no TypeScript loader runs; lib/http/client-address.d.mts gives its types.
//
// By default the address is the TCP peer (the socket): a header such as X-Forwarded-For is written
// by whoever sends the request, so trusting it lets anyone pick a fresh address per attempt.
// Behind a reverse proxy every request comes from the proxy's address, so TRUST_PROXY names the
// header the proxy sets and how many proxies are in front:
//   TRUST_PROXY=x-forwarded-for      one proxy appends the client's address to X-Forwarded-For
//   TRUST_PROXY=x-forwarded-for:2    two proxies (e.g. a load balancer, then nginx)
//   TRUST_PROXY=x-real-ip            the proxy puts the client's address in X-Real-IP
//   (unset, empty or false)          the socket's address
// With N hops, the address is the one the N-th proxy from us saw: what the client itself wrote
// into the header (left of it) is never used. The app must then be reachable only through the proxy.
import net from "node:net";

/** The header the server process stamps on every request; whatever a client sends under this name is replaced. */
export const CLIENT_ADDRESS_HEADER = "x-triangulate-client-address";

/**
 * TRUST_PROXY read into { header, hops }, or null when no proxy is trusted.
 * Throws an Error with a readable message when the setting is malformed.
 */
export function parseTrustProxy(value) {
  const setting = (value ?? "").trim().toLowerCase();
  if (setting === "" || setting === "false" || setting === "0") return null;
  const match = /^([a-z0-9-]+)(?::(\d{1,2}))?$/.exec(setting);
  const hops = match?.[2] === undefined ? 1 : Number(match[2]);
  if (!match || setting === "true" || hops < 1 || hops > 10) {
    throw new Error(
      `TRUST_PROXY must name the header your proxy sets, optionally with the number of proxies (1–10): x-forwarded-for, x-forwarded-for:2 or x-real-ip; got "${value}"`,
    );
  }
  return { header: match[1], hops };
}

/** "::ffff:10.0.0.1" (IPv4 on an IPv6 socket) → "10.0.0.1". */
function normalise(address) {
  return address.startsWith("::ffff:") && net.isIPv4(address.slice(7)) ? address.slice(7) : address;
}

/**
 * The client's address: the socket's, or with a trusted proxy the entry of its header that the
 * `hops`-th proxy wrote (counting from the right, the socket being the nearest hop).
 * @param {string | undefined} socketAddress
 * @param {string | string[] | undefined} headerValue the trusted header's value(s), if any
 * @param {{ header: string, hops: number } | null} trust
 */
export function clientAddressFrom(socketAddress, headerValue, trust) {
  const socket = normalise(socketAddress || "unknown");
  if (!trust) return socket;
  const values = Array.isArray(headerValue) ? headerValue : headerValue === undefined ? [] : [headerValue];
  const chain = [
    ...values
      .join(",")
      .split(",")
      .map((v) => v.trim())
      .filter(Boolean),
    socket,
  ];
  const candidate = normalise(chain[Math.max(0, chain.length - 1 - trust.hops)]);
  // Whatever the proxy wrote must be an address; anything else is no evidence of one.
  return net.isIP(candidate) ? candidate : socket;
}
