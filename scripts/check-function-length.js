/*
 * Lists every function in the plugins' source longer than MAX_LINES lines
 * and fails when there is one, so a function that does too many things is
 * split by what it does before it lands.
 *
 *   node scripts/check-function-length.js
 *
 * Counted: plugins/<plugin>/src, every kind of function (declarations,
 * methods, constructors, accessors, arrow functions and function
 * expressions, React components among them), from the line its declaration
 * starts on to the line it ends on. A long function inside another makes
 * both long; the inner one is the one to split.
 *
 * Left out:
 * - generated code (any folder named `generated`, as openapi-typescript's
 *   types and repo-tools' routers), which nobody edits by hand;
 * - test files (*.test.ts, *.test.tsx): a describe callback is a list of
 *   cases, which grows with every case and reads as well at 300 lines as at
 *   30. Test helpers outside *.test.* files (src/testing, __testUtils__) are
 *   code that tests call, and count.
 */
'use strict';

const fs = require('node:fs');
const path = require('node:path');
const ts = require('typescript');

const MAX_LINES = 120;
const repoRoot = path.resolve(__dirname, '..');

function isCounted(file) {
  return (
    /\.tsx?$/.test(file) &&
    !/\.d\.ts$/.test(file) &&
    !/\.test\.tsx?$/.test(file) &&
    !file.split(path.sep).includes('generated')
  );
}

function sourceFiles(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap(entry => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return isCounted(full) ? [full] : [];
  });
}

/** The name a reader would look for: the function's own, or what holds it. */
function functionName(node) {
  if (node.name) return node.name.getText();
  if (ts.isConstructorDeclaration(node)) return 'constructor';
  const holder = node.parent;
  if (
    (ts.isVariableDeclaration(holder) ||
      ts.isPropertyAssignment(holder) ||
      ts.isPropertyDeclaration(holder)) &&
    holder.name
  ) {
    return holder.name.getText();
  }
  if (ts.isCallExpression(holder)) {
    return `callback of ${holder.expression.getText().slice(0, 60)}`;
  }
  return '(anonymous)';
}

function longFunctions(file) {
  const text = fs.readFileSync(file, 'utf8');
  const source = ts.createSourceFile(
    file,
    text,
    ts.ScriptTarget.Latest,
    true,
    file.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS,
  );
  const found = [];
  const visit = node => {
    if (ts.isFunctionLike(node) && node.body) {
      const line = pos => source.getLineAndCharacterOfPosition(pos).line;
      const first = line(node.getStart(source));
      const lines = line(node.getEnd()) - first + 1;
      if (lines > MAX_LINES) {
        found.push({ file, line: first + 1, lines, name: functionName(node) });
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

function main() {
  const pluginsDir = path.join(repoRoot, 'plugins');
  const files = fs
    .readdirSync(pluginsDir, { withFileTypes: true })
    .filter(entry => entry.isDirectory())
    .map(entry => path.join(pluginsDir, entry.name, 'src'))
    .filter(src => fs.existsSync(src))
    .flatMap(sourceFiles);
  const found = files.flatMap(longFunctions);
  for (const { file, line, lines, name } of found) {
    console.log(
      `${path.relative(repoRoot, file)}:${line}  ${name}: ${lines} lines`,
    );
  }
  console.log(
    found.length === 0
      ? `No function over ${MAX_LINES} lines in ${files.length} files of plugins/*/src.`
      : `${found.length} function(s) over ${MAX_LINES} lines; split each by what it does.`,
  );
  process.exitCode = found.length === 0 ? 0 : 1;
}

main();
