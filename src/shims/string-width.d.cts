// Types of string-width.cjs.
export declare function stringWidth(text: string): number;
