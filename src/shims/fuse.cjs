'use strict';
// fuse.js, loaded on first use and synchronously: only a search word the digest does not hold needs
// typo candidates, and most searches never do. The build bundles it apart (dist/lazy/fuse.cjs).
exports.Fuse = () => require('fuse.js/basic');
