// Types of citation.cjs.
export interface RawBibEntry {
  type: string;
  label: string;
  properties: Record<string, string | number>;
}
export declare function parseEntries(text: string): RawBibEntry[];
export declare function decodeValue(text: string, field: string): string;
export declare function entryTypes(): string[];
