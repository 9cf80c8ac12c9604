'use strict';
// Node built-ins that only some runs need, loaded on first use (each costs ~4-7 ms of start-up).
// NOTE: not `await import('node:v8')`: esbuild leaves a dynamic import of a built-in as it is, and
// bin/papers.cjs runs the bundle in a vm.Script, where a dynamic import needs a loader of its own.
exports.v8 = () => require('node:v8');
exports.zlib = () => require('node:zlib');
exports.crypto = () => require('node:crypto');
exports.os = () => require('node:os');
