// Tests import server modules directly; Next.js's "server-only" guard does not apply there.
export {};
