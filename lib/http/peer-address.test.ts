import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { clientIpFrom } from "./client-ip";
import { peerAddressFrom, peerAddressHeader, startStampingPeerAddress } from "./peer-address";

const toHeaders = (request: http.IncomingMessage) => {
  const headers = new Headers();
  for (const [name, value] of Object.entries(request.headers)) if (typeof value === "string") headers.set(name, value);
  return headers;
};

describe("the peer address stamp on a real Node HTTP server", () => {
  let server: http.Server;
  let url: string;
  beforeAll(async () => {
    startStampingPeerAddress();
    server = http.createServer((request, response) => {
      const headers = toHeaders(request);
      response.end(JSON.stringify({ peer: peerAddressFrom(headers), client: clientIpFrom(headers) }));
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it("is the socket's address, not what the client claims", async () => {
    const response = await fetch(url, { headers: { [peerAddressHeader]: "203.0.113.66", "x-forwarded-for": "203.0.113.77" } });
    expect(await response.json()).toEqual({ peer: "127.0.0.1", client: "127.0.0.1" });
  });
});
