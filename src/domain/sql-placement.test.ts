/**
 * Where the server's SQL may live. Repositories (`*-repo.ts`, `repo.ts`) build and run it;
 * `*-sql.ts` files only build fragments that repositories run (scope conditions, list ordering,
 * computed-indicator definitions) and never run a query themselves; `db/schema/` declares the
 * tables; `db/client.ts` is the connection (opens, migrates, pings, runs what a repository hands
 * it); tests and `src/server/test/` set up their own rows; migrations live outside `src/server`.
 * Every other file — routes, services, platform code, command-line tools, seed and demo loaders —
 * calls a repository.
 *
 * A file is said to build SQL when it imports a value (not only a type) from `drizzle-orm`, and
 * to run SQL when it calls select / selectDistinct / insert / update / delete / execute / query on
 * a database handle (`db`, `tx`, `client`, `pool`, … or anything ending in `.db`), or uses the
 * relational `db.query.<table>` API.
 */
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const SERVER = path.resolve(__dirname, '../server');

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(p);
    return e.name.endsWith('.ts') ? [p] : [];
  });
}

const rel = (file: string) => path.relative(SERVER, file).split(path.sep).join('/');

const isRepo = (f: string) => /(^|\/)([\w-]+-)?repo\.ts$/.test(f);
const isFragments = (f: string) => /-sql\.ts$/.test(f);
const isTest = (f: string) => f.endsWith('.test.ts') || f.startsWith('test/');
const isSchema = (f: string) => f.startsWith('db/schema/');
const isConnection = (f: string) => f === 'db/client.ts';

const QUERY_METHODS = new Set(['select', 'selectDistinct', 'insert', 'update', 'delete', 'execute', 'query']);
const HANDLES = new Set(['db', 'tx', 'trx', 'client', 'pool', 'admin', 'copy', 'conn', 'database']);

/** A database handle: `db`, `tx`, `deps.db`, `(tx ?? db)`, `app.db` … */
function isHandle(e: ts.Expression): boolean {
  if (ts.isParenthesizedExpression(e)) return isHandle(e.expression);
  if (ts.isBinaryExpression(e)) return isHandle(e.left) || isHandle(e.right);
  if (ts.isAwaitExpression(e)) return isHandle(e.expression);
  if (ts.isIdentifier(e)) return HANDLES.has(e.text);
  if (ts.isPropertyAccessExpression(e)) return e.name.text === 'db';
  return false;
}

interface Finding {
  builds: string[];
  runs: string[];
}

function scan(file: string, text = fs.readFileSync(file, 'utf8')): Finding {
  const src = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const builds: string[] = [];
  const runs: string[] = [];
  const line = (n: ts.Node) => src.getLineAndCharacterOfPosition(n.getStart(src)).line + 1;
  const visit = (n: ts.Node) => {
    if (ts.isImportDeclaration(n) && ts.isStringLiteral(n.moduleSpecifier)) {
      const from = n.moduleSpecifier.text;
      const clause = n.importClause;
      if (/^drizzle-orm(\/|$)/.test(from) && clause && !clause.isTypeOnly) {
        const named = clause.namedBindings;
        const values = (clause.name ? [clause.name.text] : []).concat(
          named && ts.isNamedImports(named)
            ? named.elements.filter((el) => !el.isTypeOnly).map((el) => el.name.text)
            : named
              ? [named.name.text]
              : [],
        );
        if (values.length > 0) builds.push(`line ${line(n)}: imports ${values.join(', ')} from ${from}`);
      }
    }
    if (ts.isPropertyAccessExpression(n) && QUERY_METHODS.has(n.name.text) && isHandle(n.expression)) {
      const called = ts.isCallExpression(n.parent) && n.parent.expression === n;
      const relational = n.name.text === 'query' && ts.isPropertyAccessExpression(n.parent);
      if (called || relational) runs.push(`line ${line(n)}: ${n.getText(src).replace(/\s+/g, '')}`);
    }
    ts.forEachChild(n, visit);
  };
  visit(src);
  return { builds, runs };
}

/** Files outside the allowed places that build or run SQL, each with what gives it away. */
function offenders(): string[] {
  const out: string[] = [];
  for (const file of sourceFiles(SERVER)) {
    const f = rel(file);
    if (isRepo(f) || isTest(f) || isSchema(f) || isConnection(f)) continue;
    const text = fs.readFileSync(file, 'utf8');
    // Only a file that mentions drizzle or a query method can build or run SQL: the rest is not parsed.
    if (!/drizzle-orm|\.\s*(select|selectDistinct|insert|update|delete|execute|query)\b/.test(text)) continue;
    const { builds, runs } = scan(file, text);
    const wrong = isFragments(f) ? runs : [...builds, ...runs];
    if (wrong.length > 0) out.push(`${f} — ${wrong.join('; ')}`);
  }
  return out;
}

describe('SQL lives in repositories', () => {
  it('no route, service, platform, tool, seed or demo file builds or runs SQL', () => {
    expect(offenders()).toEqual([]);
  }, 30_000);

  it('the scan sees a query and a drizzle import where they would be wrong', () => {
    const probe =
      "import { eq } from 'drizzle-orm';\nimport type { SQL } from 'drizzle-orm';\n" +
      'export const f = async (tx: any, deps: any) => {\n' +
      '  await tx\n    .select()\n    .from(t);\n  await deps.db.execute(q);\n  await (tx ?? deps.db).insert(t);\n' +
      "  return createHash('x').update(y);\n};\n";
    const { builds, runs } = scan('probe-service.ts', probe);
    expect(builds).toEqual(['line 1: imports eq from drizzle-orm']);
    expect(runs).toEqual(['line 4: tx.select', 'line 7: deps.db.execute', 'line 8: (tx??deps.db).insert']);
  });
});
