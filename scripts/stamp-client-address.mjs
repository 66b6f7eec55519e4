// Loaded into the Next.js server process by scripts/serve.ts (node --import): before Next sees a
// request, it stamps the client's address (lib/http/client-address.mjs: the socket, or the header
// TRUST_PROXY names) into X-Triangulate-Client-Address, replacing any such header the client sent.
// Without a trusted proxy it also drops the client's own X-Forwarded-For and X-Real-IP, so nothing
// downstream can mistake them for the truth. Next route handlers cannot see the socket otherwise.
import http from "node:http";
import { CLIENT_ADDRESS_HEADER, clientAddressFrom, parseTrustProxy } from "../lib/http/client-address.mjs";

const trust = parseTrustProxy(process.env.TRUST_PROXY);

/** @param {http.IncomingMessage} request */
export function stampClientAddress(request) {
  request.headers[CLIENT_ADDRESS_HEADER] = clientAddressFrom(request.socket?.remoteAddress, trust ? request.headers[trust.header] : undefined, trust);
  if (!trust) {
    delete request.headers["x-forwarded-for"];
    delete request.headers["x-real-ip"];
  }
}

const emit = http.Server.prototype.emit;
http.Server.prototype.emit = function (event, ...args) {
  if (event === "request") stampClientAddress(args[0]);
  return emit.call(this, event, ...args);
};
