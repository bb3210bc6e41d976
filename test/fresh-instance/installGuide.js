/*
 * The steps of docs/install.md, read from the guide itself, so that the
 * fresh-instance test runs what a reader would type: a wrong package name, a
 * missing tarball or a config key the plugins do not read fails the test.
 */
'use strict';

const fs = require('node:fs');

/** The fenced code blocks under the `## <heading>` of a Markdown document. */
function codeBlocksUnder(markdown, heading) {
  const start = markdown.indexOf(`\n## ${heading}\n`);
  if (start < 0) {
    throw new Error(`docs/install.md has no section "## ${heading}"`);
  }
  const rest = markdown.slice(start + heading.length + 5);
  const end = rest.search(/\n## /);
  const section = end < 0 ? rest : rest.slice(0, end);
  return [...section.matchAll(/```(\w+)\n([\s\S]*?)```/g)].map(match => ({
    language: match[1],
    text: match[2],
  }));
}

function onlyBlock(blocks, language, heading) {
  const matching = blocks.filter(block => block.language === language);
  if (matching.length !== 1) {
    throw new Error(
      `docs/install.md, "## ${heading}": expected one ${language} block, found ${matching.length}`,
    );
  }
  return matching[0].text;
}

/**
 * What the fresh instance needs from the guide: the shell commands of its
 * backend and frontend installs and of "Try it with the example data", the
 * backend lines, and the example configuration.
 */
function readInstallGuide(file) {
  const markdown = fs.readFileSync(file, 'utf8');
  const backend = codeBlocksUnder(markdown, 'Backend');
  const frontend = codeBlocksUnder(markdown, 'Frontend');
  const tryIt = codeBlocksUnder(markdown, 'Try it with the example data');
  return {
    backendInstall: onlyBlock(backend, 'sh', 'Backend'),
    backendLines: onlyBlock(backend, 'ts', 'Backend')
      .replace(/\/\/.*$/gm, '')
      .match(/backend\.add\([\s\S]*?\)\);/g),
    frontendInstall: onlyBlock(frontend, 'sh', 'Frontend'),
    tryItCommands: onlyBlock(tryIt, 'sh', 'Try it with the example data'),
    tryItConfig: onlyBlock(tryIt, 'yaml', 'Try it with the example data'),
  };
}

module.exports = { readInstallGuide };
