// The client's IP address for per-IP limits. Minimal version: the first X-Forwarded-For hop,
// else "unknown". (The proxy work replaces it with one that trusts only configured proxies.)
export function clientIpFrom(headers: Headers): string {
  const first = headers.get("x-forwarded-for")?.split(",")[0]?.trim();
  return first ? first : "unknown";
}
