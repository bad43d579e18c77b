#!/usr/bin/env node
// A Prisma generator that writes the full DMMF (with isId, isRequired and enums) to JSON on
// every `prisma generate`. The client generated with engineType "client" exposes a reduced DMMF
// that @adminjs/prisma cannot work with; src/db/dmmf.ts reads this file instead.
const fs = require('node:fs');
const path = require('node:path');
const { generatorHandler } = require('@prisma/generator-helper');

generatorHandler({
  onManifest: () => ({ prettyName: 'Full DMMF (JSON)', defaultOutput: '../node_modules/.prisma/dmmf.json' }),
  onGenerate: async (options) => {
    const output = options.generator.output?.value;
    if (!output) throw new Error('dmmf generator: no output path');
    fs.mkdirSync(path.dirname(output), { recursive: true });
    fs.writeFileSync(output, JSON.stringify(options.dmmf.datamodel));
  },
});
