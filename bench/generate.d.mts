// Types of generate.mjs (the benchmark digest generator), for tests that use it.
export declare function generateDigest(entries: number, seed?: number): string;
