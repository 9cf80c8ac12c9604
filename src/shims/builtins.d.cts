// Types of builtins.cjs.
export declare function v8(): typeof import('node:v8');
export declare function zlib(): typeof import('node:zlib');
export declare function crypto(): typeof import('node:crypto');
export declare function os(): typeof import('node:os');
