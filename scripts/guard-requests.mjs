// Loaded into the Next.js server process by scripts/serve.ts (node --import), so it sees every
// request before Next.js does. Two things Next.js cannot do itself:
//  - the client's address: it stamps the socket's address (or the one the header TRUST_PROXY
//    names, lib/http/client-address.mjs) into X-Triangulate-Client-Address, replacing any such
//    header a client sent, and without a trusted proxy drops the client's own X-Forwarded-For and
//    X-Real-IP. Route handlers cannot see the socket otherwise.
//  - paths that do not decode (invalid UTF-8 such as %ED%A0%80, a stray %): Next's router fails
//    on them and, in production, answers 500; they are answered 400 here.
import http from "node:http";
import { CLIENT_ADDRESS_HEADER, clientAddressFrom, parseTrustProxy } from "../lib/http/client-address.mjs";

const trust = parseTrustProxy(process.env.TRUST_PROXY);

/** @param {http.IncomingMessage} request */
export function stampClientAddress(request) {
  request.headers[CLIENT_ADDRESS_HEADER] = clientAddressFrom(
    request.socket?.remoteAddress,
    trust ? request.headers[trust.header] : undefined,
    trust,
  );
  if (!trust) {
    delete request.headers["x-forwarded-for"];
    delete request.headers["x-real-ip"];
  }
}

/** @param {string | undefined} url */
export function undecodablePath(url) {
  try {
    decodeURIComponent((url ?? "/").split("?")[0]);
    return false;
  } catch {
    return true;
  }
}

/** @param {http.IncomingMessage} request @param {http.ServerResponse} response */
function refuseUndecodablePath(request, response) {
  const message = "The path is not valid percent-encoded UTF-8.";
  const api = (request.url ?? "").startsWith("/api/");
  response.writeHead(400, { "Content-Type": api ? "application/json" : "text/plain; charset=utf-8", "Cache-Control": "no-store" });
  response.end(
    api
      ? JSON.stringify({ error: { code: "invalid", message: `Invalid input — path: ${message}`, fields: { path: [message] } } })
      : message,
  );
}

const emit = http.Server.prototype.emit;
http.Server.prototype.emit = function (event, ...args) {
  if (event === "request") {
    const [request, response] = args;
    if (undecodablePath(request.url)) {
      request.resume(); // discard any body
      refuseUndecodablePath(request, response);
      return true;
    }
    stampClientAddress(request);
  }
  return emit.call(this, event, ...args);
};
