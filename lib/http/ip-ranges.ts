// IP addresses and CIDR ranges (CARE_DESK_TRUSTED_PROXIES), checked with Node's BlockList.
import { BlockList, isIP } from "node:net";

export type IpRanges = { readonly list: BlockList; readonly size: number };

/** `::ffff:192.0.2.1` (how a dual-stack socket reports IPv4) as `192.0.2.1`; `[::1]` as `::1`. */
export function normalizeAddress(value: string): string {
  const trimmed = value.trim().replace(/^\[(.*)\]$/, "$1");
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(trimmed);
  return (mapped ? mapped[1]! : trimmed).toLowerCase();
}

/** Parses IPs and CIDRs; throws on anything else so that a typo is not silently "trust nobody". */
export function parseIpRanges(entries: readonly string[]): IpRanges {
  const list = new BlockList();
  for (const entry of entries) {
    const [rawAddress, rawPrefix, ...rest] = entry.split("/");
    const address = normalizeAddress(rawAddress ?? "");
    const family = isIP(address);
    const prefix = rawPrefix === undefined ? undefined : Number(rawPrefix);
    const maxPrefix = family === 4 ? 32 : 128;
    if (family === 0 || rest.length > 0 || (prefix !== undefined && (!/^\d{1,3}$/.test(rawPrefix!) || prefix > maxPrefix))) {
      throw new Error(`CARE_DESK_TRUSTED_PROXIES: ${JSON.stringify(entry)} is not an IP address or CIDR range`);
    }
    const type = family === 4 ? "ipv4" : "ipv6";
    if (prefix === undefined) list.addAddress(address, type);
    else list.addSubnet(address, prefix, type);
  }
  return { list, size: entries.length };
}

export function isAddressInRanges(address: string, ranges: IpRanges): boolean {
  if (ranges.size === 0) return false;
  const normalized = normalizeAddress(address);
  const family = isIP(normalized);
  if (family === 0) return false;
  return ranges.list.check(normalized, family === 4 ? "ipv4" : "ipv6");
}
