// Types of ./http-timeouts.mjs (plain JavaScript: Node preloads it before `next start`).
export declare const headersTimeoutMs: number;
export declare const requestTimeoutMs: number;
export declare const connectionsCheckingIntervalMs: number;
