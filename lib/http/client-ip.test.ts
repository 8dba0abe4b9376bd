import { beforeAll, describe, expect, it } from "vitest";
import { clientIpFrom, forwardedForChain, resolveClientIp, unknownClientIp } from "./client-ip";
import { parseIpRanges } from "./ip-ranges";
import { peerAddressHeader, startStampingPeerAddress } from "./peer-address";

const request = (peer: string | null, forwardedFor?: string) => {
  const headers = new Headers();
  if (peer !== null) headers.set(peerAddressHeader, peer);
  if (forwardedFor !== undefined) headers.set("x-forwarded-for", forwardedFor);
  return headers;
};

const none = parseIpRanges([]);
const proxies = parseIpRanges(["10.0.0.0/8", "192.0.2.10", "fd00::/8"]);

describe("the client IP", () => {
  it("ignores the peer header while nothing stamps it (it could only be the client's own)", () => {
    expect(resolveClientIp(request("198.51.100.7"), none)).toBe(unknownClientIp);
  });

  describe("with the peer address stamped", () => {
    beforeAll(() => startStampingPeerAddress());

    it("is the peer when no proxy is trusted, whatever X-Forwarded-For claims", () => {
      expect(resolveClientIp(request("198.51.100.7", "203.0.113.9"), none)).toBe("198.51.100.7");
      expect(clientIpFrom(request("198.51.100.7", "203.0.113.9"))).toBe("198.51.100.7");
      expect(resolveClientIp(request("::ffff:198.51.100.7"), none)).toBe("198.51.100.7");
    });

    it("is the peer when the peer is not a trusted proxy", () => {
      expect(resolveClientIp(request("198.51.100.7", "203.0.113.9"), proxies)).toBe("198.51.100.7");
    });

    it("reads X-Forwarded-For from the right, past trusted proxies only", () => {
      expect(resolveClientIp(request("10.1.2.3", "203.0.113.9"), proxies)).toBe("203.0.113.9");
      // The client wrote 1.1.1.1 itself; the trusted proxies saw 203.0.113.9.
      expect(resolveClientIp(request("10.1.2.3", "1.1.1.1, 203.0.113.9, 192.0.2.10"), proxies)).toBe("203.0.113.9");
      expect(resolveClientIp(request("fd00::1", "[2001:db8::5]:443, fd00::2"), proxies)).toBe("2001:db8::5");
      expect(resolveClientIp(request("10.1.2.3", "203.0.113.9:51234"), proxies)).toBe("203.0.113.9");
    });

    it("falls back to the leftmost or the peer when every hop is trusted", () => {
      expect(resolveClientIp(request("10.1.2.3", "10.9.9.9, 192.0.2.10"), proxies)).toBe("10.9.9.9");
      expect(resolveClientIp(request("10.1.2.3"), proxies)).toBe("10.1.2.3");
    });

    it("is unknown when the socket gave no address", () => {
      expect(resolveClientIp(request(null, "203.0.113.9"), proxies)).toBe(unknownClientIp);
    });
  });

  it("splits X-Forwarded-For", () => {
    expect(forwardedForChain(" 203.0.113.9 ,, [::1]:80, ::FFFF:10.0.0.1 ")).toEqual(["203.0.113.9", "::1", "10.0.0.1"]);
    expect(forwardedForChain(null)).toEqual([]);
  });

  it("refuses trusted proxies that are not IPs or CIDRs", () => {
    for (const entry of ["proxy.internal", "10.0.0.0/33", "10.0.0.0/8/1", "fd00::/129", "10.0.0.0/x"]) {
      expect(() => parseIpRanges([entry]), entry).toThrow(/CARE_DESK_TRUSTED_PROXIES/);
    }
  });
});
