/*
 * Every package an installed @homelab package's built code (JavaScript and
 * type declarations) imports must be one its package.json declares: an
 * undeclared one may happen to be hoisted in one app and be missing in the
 * next.
 */
'use strict';

const fs = require('node:fs');
const path = require('node:path');
const { builtinModules } = require('node:module');

// A quoted package specifier after `from`, `import(` or `require(`; only
// characters of a package name and path, so JSX text such as "from {date}"
// is not taken for an import.
const IMPORT =
  /(?:^|[\s;(])(?:from\s+|import\(\s*|require\(\s*)["'](@?[a-z0-9][\w.-]*(?:\/[\w.-]+)*)["']/gi;

function packageNameOf(specifier) {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

function* builtFiles(dir) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* builtFiles(file);
    else if (/\.(c?js|mjs|d\.ts)$/.test(entry.name)) yield file;
  }
}

/** `<package>: <import> (<file>)` for each undeclared import of one package. */
function undeclaredImports(packageDir) {
  const manifest = JSON.parse(
    fs.readFileSync(path.join(packageDir, 'package.json'), 'utf8'),
  );
  const declared = new Set([
    ...Object.keys(manifest.dependencies ?? {}),
    ...Object.keys(manifest.peerDependencies ?? {}),
  ]);
  const problems = new Set();
  for (const file of builtFiles(path.join(packageDir, 'dist'))) {
    const code = fs.readFileSync(file, 'utf8');
    for (const [, specifier] of code.matchAll(IMPORT)) {
      const name = packageNameOf(specifier);
      if (
        specifier.startsWith('node:') ||
        builtinModules.includes(name) ||
        declared.has(name) ||
        declared.has(`@types/${name}`)
      ) {
        continue;
      }
      problems.add(
        `${manifest.name}: ${name} (${path.relative(packageDir, file)})`,
      );
    }
  }
  return [...problems];
}

module.exports = { undeclaredImports };
