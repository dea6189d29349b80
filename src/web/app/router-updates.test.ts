/**
 * The address is the truth of every list (filters, page, tab) and of the page around it (the call
 * on 项目管理), so an address change must replace what is on screen at once. React Router renders
 * its state changes as React transitions unless told otherwise: the previous screen then stays up
 * and clickable until the new one is ready, and each data update arriving meanwhile restarts the
 * render — a clerk who picked a call on 项目管理 kept clicking the previous list's rows, which were
 * then torn down under the click. Every router the web app renders must opt out, and nothing may
 * wrap an address change in a transition of its own.
 */
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const WEB = path.resolve(__dirname, '..');

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(p);
    return /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) ? [p] : [];
  });
}

/** Each `<RouterProvider …>` in the file, with the value of its `useTransitions` attribute as written. */
function routerProviders(file: string): { line: number; useTransitions: string | null }[] {
  const text = fs.readFileSync(file, 'utf8');
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const found: { line: number; useTransitions: string | null }[] = [];
  const visit = (node: ts.Node) => {
    if (
      (ts.isJsxSelfClosingElement(node) || ts.isJsxOpeningElement(node)) &&
      node.tagName.getText(source) === 'RouterProvider'
    ) {
      const attr = node.attributes.properties.find(
        (p): p is ts.JsxAttribute => ts.isJsxAttribute(p) && p.name.getText(source) === 'useTransitions',
      );
      found.push({
        line: source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1,
        useTransitions: attr?.initializer ? attr.initializer.getText(source) : null,
      });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe('address changes replace the screen at once', () => {
  const files = sourceFiles(WEB);

  it('renders the router with transitions off', () => {
    const providers = files.flatMap((f) =>
      routerProviders(f).map((p) => ({ ...p, file: path.relative(WEB, f) })),
    );
    expect(providers.length).toBeGreaterThan(0);
    for (const p of providers) expect(p.useTransitions, `${p.file}:${p.line}`).toBe('{false}');
  });

  it('wraps no address change in a transition', () => {
    const offenders = files.filter((f) =>
      /\b(startTransition|useTransition)\b/.test(fs.readFileSync(f, 'utf8')),
    );
    expect(offenders.map((f) => path.relative(WEB, f))).toEqual([]);
  });
});
