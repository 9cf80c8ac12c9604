#!/usr/bin/env node
'use strict';
// The `papers` command: the CLI is bundled into dist/ by `npm run build` (run by `npm install`).
require('../dist/papers.cjs');
