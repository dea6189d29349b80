import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AUDIT_ACTION_LABELS, AUDIT_OBJECT_LABELS, auditActionLabel } from './audit-labels';
import { ACTION_CODES } from './projects';

const SERVER = path.resolve(__dirname, '../server');

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(p);
    return e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') ? [p] : [];
  });
}

/** The text of every writeAudit(…) / auditRead(…) call: up to the call's closing parenthesis. */
function auditCalls(text: string): string[] {
  const calls: string[] = [];
  for (const m of text.matchAll(/\b(writeAudit|auditRead)\(/g)) {
    let depth = 0;
    let i = m.index + m[0].length - 1;
    for (; i < text.length; i++) {
      if (text[i] === '(') depth++;
      else if (text[i] === ')' && --depth === 0) break;
    }
    calls.push(text.slice(m.index, i + 1));
  }
  return calls;
}

/** Action codes a call may write: every dotted string literal on its `action:` line. */
function actionsOf(call: string): { literal: string[]; templates: string[] } {
  const line = /\baction:\s*([^\n]*)/.exec(call)?.[1] ?? '';
  return {
    literal: [...line.matchAll(/'([a-z][\w-]*\.[\w.-]+)'/g)].map((m) => m[1]),
    templates: [...line.matchAll(/`([^`]*)`/g)].map((m) => m[1]),
  };
}

describe('audit labels', () => {
  const files = sourceFiles(SERVER).map((f) => ({ f, text: fs.readFileSync(f, 'utf8') }));
  // The writer, the trail and the list kit pass codes through; their own codes are checked below.
  const passThrough = [
    path.join('platform', 'audit.ts'),
    path.join('platform', 'audit-trail.ts'),
    path.join('platform', 'list-kit.ts'),
    // A job's download is audited with the list's own export code, kept in the job.
    path.join('platform', 'jobs.ts'),
  ];
  const calls = files
    .filter(({ f }) => !passThrough.some((p) => f.endsWith(p)))
    .flatMap(({ f, text }) => auditCalls(text).map((c) => ({ f, c })));

  it('finds the audit calls it checks', () => {
    expect(calls.length).toBeGreaterThan(80);
  });

  it('label every action code the server writes, in Chinese and English', () => {
    const missing: string[] = [];
    for (const { f, c } of calls) {
      const { literal, templates } = actionsOf(c);
      // A call that builds its code some other way would escape this test: refuse it.
      if (literal.length === 0 && templates.length === 0)
        missing.push(`${path.relative(SERVER, f)}: no literal action in ${c.slice(0, 60)}`);
      for (const code of literal) if (!AUDIT_ACTION_LABELS[code]) missing.push(code);
      for (const t of templates) {
        // Codes built from a variable part: each concrete form must be labelled.
        const pattern = new RegExp(`^${t.replace(/\./g, '\\.').replace(/\$\{[^}]+\}/g, '[\\w-]+')}$`);
        if (!Object.keys(AUDIT_ACTION_LABELS).some((k) => pattern.test(k))) missing.push(t);
      }
    }
    // The trail's refusal codes are returned, not written as `action:` literals.
    const trail = files.find(({ f }) => f.endsWith(path.join('platform', 'audit-trail.ts')))!.text;
    for (const m of trail.matchAll(/'(access\.[\w-]+)'/g)) if (!AUDIT_ACTION_LABELS[m[1]]) missing.push(m[1]);
    // A list's export declares its code in the list's spec (`audit: { action: … }`).
    for (const { text } of files)
      for (const m of text.matchAll(/\baudit:\s*\{\s*action:\s*'([\w.-]+)'/g))
        if (!AUDIT_ACTION_LABELS[m[1]]) missing.push(m[1]);
    expect(missing).toEqual([]);
    for (const [code, label] of Object.entries(AUDIT_ACTION_LABELS)) {
      expect(label.zh.trim(), code).not.toBe('');
      expect(label.en.trim(), code).not.toBe('');
      expect(label.zh, code).not.toBe(code);
    }
  });

  it('label the export job codes', () => {
    expect(AUDIT_ACTION_LABELS['export-job.create']).toBeDefined();
    expect(AUDIT_OBJECT_LABELS.export_job).toBeDefined();
  });

  it('label every application workflow step and the facility kinds built from a prefix', () => {
    for (const a of ACTION_CODES) expect(AUDIT_ACTION_LABELS[`application.${a}`], a).toBeDefined();
    for (const prefix of ['platform', 'carrier'])
      for (const step of ['create', 'update', 'end'])
        expect(AUDIT_ACTION_LABELS[`${prefix}.${step}`], `${prefix}.${step}`).toBeDefined();
  });

  it('label every object type the server writes', () => {
    const missing = new Set<string>();
    for (const { c } of calls)
      for (const m of (/\b(?:targetType|type):\s*([^\n]*)/.exec(c)?.[1] ?? '').matchAll(/'([a-z_]+)'/g))
        if (!AUDIT_OBJECT_LABELS[m[1]]) missing.add(m[1]);
    expect([...missing]).toEqual([]);
  });

  it('shows an unknown code as itself rather than nothing', () => {
    expect(auditActionLabel('legacy.event')).toEqual({ zh: 'legacy.event', en: 'legacy.event' });
  });
});
