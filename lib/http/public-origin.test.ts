import { beforeAll, describe, expect, it } from "vitest";
import { parseIpRanges } from "./ip-ranges";
import { peerAddressHeader, startStampingPeerAddress } from "./peer-address";
import { requestedHostFrom, resolvePublicOrigin } from "./public-origin";

const trusted = parseIpRanges(["127.0.0.1"]);
const forwarded = (peer: string) =>
  new Headers({ host: "127.0.0.1:3000", [peerAddressHeader]: peer, "x-forwarded-host": "care-desk.example.com, other", "x-forwarded-proto": "https" });

describe("the public origin", () => {
  beforeAll(() => startStampingPeerAddress());

  it("is CARE_DESK_PUBLIC_URL when set, whatever the request says", () => {
    const origin = resolvePublicOrigin(forwarded("127.0.0.1"), { publicUrl: new URL("https://desk.example.org/"), trustedProxies: trusted });
    expect(origin).toEqual({ protocol: "https", host: "desk.example.org", origin: "https://desk.example.org" });
  });

  it("believes X-Forwarded-Host/Proto from a trusted proxy", () => {
    const origin = resolvePublicOrigin(forwarded("127.0.0.1"), { publicUrl: null, trustedProxies: trusted });
    expect(origin).toEqual({ protocol: "https", host: "care-desk.example.com", origin: "https://care-desk.example.com" });
    expect(requestedHostFrom(forwarded("127.0.0.1"), trusted)).toBe("care-desk.example.com");
  });

  it("ignores X-Forwarded-* from anyone else and uses Host over plain http", () => {
    const origin = resolvePublicOrigin(forwarded("198.51.100.7"), { publicUrl: null, trustedProxies: trusted });
    expect(origin).toEqual({ protocol: "http", host: "127.0.0.1:3000", origin: "http://127.0.0.1:3000" });
    expect(requestedHostFrom(forwarded("198.51.100.7"), trusted)).toBe("127.0.0.1:3000");
    expect(requestedHostFrom(forwarded("127.0.0.1"), parseIpRanges([]))).toBe("127.0.0.1:3000");
  });
});
