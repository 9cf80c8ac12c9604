'use strict';
// Stands in for node:child_process in the bundle (esbuild --alias in package.json's build script).
// commander requires it at start-up only to run executable subcommands, which papers does not have;
// the real module costs ~8 ms of start-up (it pulls in net and stream), so it loads on first use.
let real;
const load = () => (real ??= require('child_process'));
module.exports = new Proxy({}, { get: (_, key) => load()[key], has: (_, key) => key in load() });
