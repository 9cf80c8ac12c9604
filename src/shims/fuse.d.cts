// Types of fuse.cjs.
export declare function Fuse(): typeof import('fuse.js').default;
