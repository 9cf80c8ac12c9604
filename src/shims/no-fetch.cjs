'use strict';
// Stands in for citation-js's HTTP clients (sync-fetch, fetch-ponyfill) in dist/lazy/bibtex.cjs:
// papers hands it BibTeX text and never a URL. Leaving them out saves ~300 KB and ~80 ms of load.
const refuse = () => {
  throw new Error('papers reads no URLs');
};
class Headers {}
refuse.Headers = Headers;
module.exports = Object.assign(() => ({ fetch: refuse, Headers }), { Headers });
