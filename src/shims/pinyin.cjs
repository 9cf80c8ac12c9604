'use strict';
// pinyin-pro, loaded on first use and synchronously: only text with Chinese characters needs it, and
// then only when a store's layout or search index is made, never on a warm run (it costs ~50 ms to
// load and ~50 ms more for its first conversion). The build bundles it apart (dist/lazy/pinyin.cjs).
let pinyinPro;
exports.pinyin = (text, options) => (pinyinPro ??= require('pinyin-pro')).pinyin(text, options);
