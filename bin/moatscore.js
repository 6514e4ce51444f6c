#!/usr/bin/env node
'use strict';
// The installed entry point: runs the bundled CLI (built by `npm run build`, which `npm install` runs via prepare).
require('../dist/cli.js').main();
