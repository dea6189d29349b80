import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { type Msg, msg } from '../../domain/message';
import { invalid, sendError } from './errors';

/**
 * Control characters have no place in what a person types, and PostgreSQL refuses NUL outright
 * (a 500 whose log held the whole statement). Tab, line feed and carriage return are allowed in
 * JSON bodies, where text areas send them; query strings and path parameters allow none.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding them is the point
export const CONTROL_IN_TEXT = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding them is the point
const CONTROL_ANYWHERE = /[\u0000-\u001F\u007F]/g;
const CONTROL_OR_BREAK = new RegExp(CONTROL_ANYWHERE.source);

/** No form of the platform nests this deep; a body that does is an attack on whatever walks it. */
export const MAX_DEPTH = 32;

export interface InputProblem {
  /** Dotted path of the value, as validation errors name a field ('' for the whole body). */
  field: string;
  kind: 'control' | 'depth';
}

/** A key as a field name: control characters spelled out, so the answer itself stays clean. */
const keyName = (key: string) =>
  key.replace(CONTROL_ANYWHERE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

/**
 * The first string (value or object key) holding a forbidden control character, or the first value
 * nested deeper than MAX_DEPTH. Walks with its own stack: a hostile body cannot overflow ours.
 */
export function findInputProblem(root: unknown, allowLineBreaks: boolean): InputProblem | null {
  const control = allowLineBreaks ? CONTROL_IN_TEXT : CONTROL_OR_BREAK;
  const stack: { value: unknown; path: string[] }[] = [{ value: root, path: [] }];
  while (stack.length > 0) {
    const { value, path } = stack.pop()!;
    if (typeof value === 'string') {
      if (control.test(value)) return { field: path.join('.'), kind: 'control' };
      continue;
    }
    if (value === null || typeof value !== 'object') continue;
    const isArray = Array.isArray(value);
    // A Buffer body is an uploaded file, not text.
    if (ArrayBuffer.isView(value) || value instanceof ArrayBuffer) continue;
    if (path.length >= MAX_DEPTH) return { field: path.join('.'), kind: 'depth' };
    for (const [key, child] of Object.entries(value)) {
      const childPath = [...path, keyName(key)];
      if (!isArray && CONTROL_OR_BREAK.test(key)) return { field: childPath.join('.'), kind: 'control' };
      stack.push({ value: child, path: childPath });
    }
  }
  return null;
}

export function inputProblemMessage(p: InputProblem): Msg {
  const label = p.field ? `${p.field}: ` : '';
  return p.kind === 'control'
    ? msg(
        `${label}含有不允许的控制字符（如 NUL）`,
        `${label}contains a control character (such as NUL) that is not allowed`,
      )
    : msg(`${label}嵌套层级超过 ${MAX_DEPTH} 层`, `${label}is nested deeper than ${MAX_DEPTH} levels`);
}

/**
 * Checks the query string, the path parameters and the JSON body of every request before its
 * route's schema sees them, answering 400 `invalid` naming the field.
 */
export function registerInputGuard(app: FastifyInstance) {
  app.addHook('preValidation', async (req) => {
    const problem =
      findInputProblem(req.params, false) ??
      findInputProblem(req.query, false) ??
      findInputProblem(req.body, true);
    if (problem) throw invalid(problem.field || 'body', inputProblemMessage(problem));
  });
}

/**
 * What the router refuses before any route is chosen — a path parameter over its length limit, a
 * malformed percent-escape — answered in the error shape instead of Fastify's own (which echoes
 * the whole path back).
 */
export function frameworkErrors(err: FastifyError, req: FastifyRequest, reply: FastifyReply) {
  if (err.code === 'FST_ERR_MAX_PARAM_LENGTH') {
    const m = msg('路径参数过长：记录不存在', 'A path parameter is too long: no such record');
    return sendError(reply, req, 404, 'not_found', m);
  }
  return sendError(reply, req, 400, 'bad_request', msg('请求地址格式不正确', 'The request URL is malformed'));
}
