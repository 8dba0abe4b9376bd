// Which Host names this instance answers to: the DNS-rebinding defence. A page on
// evil.example whose name is re-pointed at this server still sends `Host: evil.example`, so
// answering only to our own names keeps such pages from reading anything.
export type HostRule = {
  /** Exact `hostname:port` pairs, or a hostname whose port is free (`port: null`). */
  entries: readonly { hostname: string; port: string | null; defaultPorts?: readonly string[] }[];
};

type ParsedHost = { hostname: string; port: string };

const loopbackNames = ["localhost", "127.0.0.1", "[::1]"] as const;

/** `Host` as hostname and port ("" when absent); null when it is not a plain host[:port]. */
export function parseHostHeader(value: string | null | undefined): ParsedHost | null {
  if (!value) return null;
  const match = /^(\[[0-9a-f:.]+\]|[a-z0-9](?:[a-z0-9.-]*[a-z0-9])?\.?)(?::(\d{1,5}))?$/i.exec(value.trim());
  if (!match) return null;
  return { hostname: match[1]!.toLowerCase().replace(/\.$/, ""), port: match[2] ?? "" };
}

/**
 * The allowed hosts: CARE_DESK_PUBLIC_URL's host (its port, or none / the scheme's default when
 * the URL names none), plus each CARE_DESK_ALLOWED_HOSTS entry (`name` allows any port,
 * `name:port` only that one). Without a public URL, localhost, 127.0.0.1 and [::1] on any port.
 */
export function buildHostRule(publicUrl: URL | null, allowedHosts: readonly string[]): HostRule {
  const entries: HostRule["entries"][number][] = [];
  if (publicUrl) {
    const defaultPort = publicUrl.protocol === "https:" ? "443" : "80";
    entries.push({ hostname: publicUrl.hostname.toLowerCase(), port: publicUrl.port || "", defaultPorts: publicUrl.port ? [] : [defaultPort] });
  } else {
    for (const name of loopbackNames) entries.push({ hostname: name, port: null });
  }
  for (const host of allowedHosts) {
    const parsed = parseHostHeader(host);
    if (!parsed) throw new Error(`CARE_DESK_ALLOWED_HOSTS: ${JSON.stringify(host)} is not a host name or host:port`);
    entries.push({ hostname: parsed.hostname, port: parsed.port === "" ? null : parsed.port });
  }
  return { entries };
}

export function isHostAllowed(hostHeader: string | null | undefined, rule: HostRule): boolean {
  const host = parseHostHeader(hostHeader);
  if (!host) return false;
  return rule.entries.some(
    (entry) => entry.hostname === host.hostname && (entry.port === null || entry.port === host.port || (entry.defaultPorts ?? []).includes(host.port)),
  );
}
