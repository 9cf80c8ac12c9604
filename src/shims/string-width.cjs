'use strict';
// string-width, loaded on first use and synchronously: a table measures its cells one by one and
// only needs it for text beyond the simple cases (creating its Intl.Segmenter costs ~15 ms).
// NOTE: a require, not `await import()`: esbuild bundles it and runs it only when called.
let stringWidth;
exports.stringWidth = (text) => (stringWidth ??= require('string-width').default)(text);
