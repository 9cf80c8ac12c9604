// The encodings papers reads notes in, by the names `--encoding` and the config's `encoding` take (no imports: the CLI's start-up reads it).

/** `auto` detects UTF-8, UTF-16 with a BOM, and GB18030 (of which GBK is the two-byte part). */
export const ENCODINGS = ['auto', 'utf-8', 'gb18030', 'gbk', 'utf-16le', 'utf-16be'] as const;
export type EncodingName = (typeof ENCODINGS)[number];
