'use strict';
// citation-js (core and its BibTeX plugin, 0.7: 0.9 needs Node 22), for `add --bibtex` only. The
// build bundles it apart (dist/lazy/bibtex.cjs), without its HTTP clients: papers gives it text only.
const core = require('@citation-js/core');
require('@citation-js/plugin-bibtex');
// NOTE: the plugin's LaTeX decoder for one field value (what its own BibTeX -> CSL mapping runs on each field).
const value = require('@citation-js/plugin-bibtex/lib/input/value.js');

/** The BibTeX syntax parser: entries as {type, label, properties} with @string macros expanded. */
exports.parseEntries = (text) => core.plugins.input.data(text, '@biblatex/text');
/** A field's value decoded from LaTeX to Unicode (formatting as <i>, <b>, <sup>, <sub>, <span>). */
exports.decodeValue = (text, field) => value.parse(text, field);
/** Every entry type the plugin knows (BibTeX's and biblatex's). */
exports.entryTypes = () => Object.keys(core.plugins.config.get('@bibtex').types.biblatex.source);
