#!/usr/bin/env node
// Renames a property of an interface or type everywhere TypeScript sees it use it (the language
// service's own rename, so `Finding.key` stays when `BillEntry.key` becomes `code`). For mechanical
// renames that must be redone after a merge: the commit message gives the command.
//   node scripts/rename-property.mjs <file> <Interface> <property> <newName>
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import ts from 'typescript';

const [file, iface, prop, next] = process.argv.slice(2);
if (!next) {
  console.error('usage: node scripts/rename-property.mjs <file> <Interface> <property> <newName>');
  process.exit(2);
}
const config = ts.getParsedCommandLineOfConfigFile(resolve('tsconfig.json'), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: (d) => console.error(d.messageText) });
const texts = new Map();
const host = {
  getScriptFileNames: () => config.fileNames,
  getScriptVersion: () => '1',
  getScriptSnapshot: (f) => (ts.sys.fileExists(f) ? ts.ScriptSnapshot.fromString(texts.get(f) ?? ts.sys.readFile(f)) : undefined),
  getCurrentDirectory: () => process.cwd(),
  getCompilationSettings: () => config.options,
  getDefaultLibFileName: (o) => ts.getDefaultLibFilePath(o),
  fileExists: ts.sys.fileExists,
  readFile: ts.sys.readFile,
  readDirectory: ts.sys.readDirectory,
};
const service = ts.createLanguageService(host);
const target = resolve(file);
const source = service.getProgram().getSourceFile(target);
let at = -1;
source.forEachChild(function visit(node) {
  if ((ts.isInterfaceDeclaration(node) || ts.isTypeAliasDeclaration(node)) && node.name.text === iface) {
    node.forEachChild(function member(m) {
      if ((ts.isPropertySignature(m) || ts.isPropertyDeclaration(m)) && m.name.getText(source) === prop) at = m.name.getStart(source);
      else m.forEachChild(member);
    });
  }
});
if (at < 0) {
  console.error(`rename-property: no property ${prop} in ${iface} in ${file}`);
  process.exit(1);
}
const locations = service.findRenameLocations(target, at, false, false, { providePrefixAndSuffixTextForRename: true }) ?? [];
const byFile = new Map();
for (const l of locations) byFile.set(l.fileName, [...(byFile.get(l.fileName) ?? []), l]);
for (const [f, ls] of byFile) {
  let text = readFileSync(f, 'utf8');
  // From the end, so earlier offsets stay valid; shorthand `{ key }` becomes `{ key: code }` or `{ code: key }` as TS says.
  for (const l of ls.sort((a, b) => b.textSpan.start - a.textSpan.start)) {
    text = text.slice(0, l.textSpan.start) + (l.prefixText ?? '') + next + (l.suffixText ?? '') + text.slice(l.textSpan.start + l.textSpan.length);
  }
  writeFileSync(f, text);
}
console.log(`rename-property: ${iface}.${prop} -> ${next}: ${locations.length} places in ${byFile.size} files`);
