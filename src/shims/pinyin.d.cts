export declare function pinyin(text: string, options: { toneType: 'none'; type: 'array'; v: boolean }): string[];
