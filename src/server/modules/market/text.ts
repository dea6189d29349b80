/**
 * The terms an achievement or a demand is matched by: jieba segmentation with the domain
 * dictionary (registry/search.ts), weighted by where the word stands (title and keywords count
 * more than the body), with the words every listing uses dropped.
 */
import { segment } from '../registry/search';

/** Words that say nothing about the technology (every listing has them). */
const STOP = new Set(
  `技术 研究 应用 开发 一种 方法 系统 装置 及其 基于 关键 问题 需要 希望 我们 我司 公司 企业 目前 现有 产品 生产 提高 提升 解决 实现 进行 通过 采用 能够 可以 以及 相关 存在 要求 具有 主要 合作 项目 成果 需求 工艺 过程 情况 方面 一个 没有 不能 已经 用于 行业 中 的 和 与 及 在 对 等 为 了 是 有 该 其 或`.split(
    ' ',
  ),
);

export interface WeightedText {
  text: string | null | undefined;
  weight: number;
}

/** term → weighted frequency; a term is a word of two or more characters (or a Latin/digit word). */
export function termVector(parts: WeightedText[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const { text, weight } of parts) {
    if (!text) continue;
    for (const w of segment(text)) {
      if (STOP.has(w) || [...w].length < 2) continue;
      out.set(w, (out.get(w) ?? 0) + weight);
    }
  }
  return out;
}

export function vectorLength(v: Map<string, number>): number {
  let n = 0;
  for (const tf of v.values()) n += tf;
  return n;
}

/** An achievement's text: title and keywords weigh three times the abstract. */
export function achievementVector(a: { title: string; keywords: string[]; abstract: string }) {
  return termVector([
    { text: a.title, weight: 3 },
    { text: a.keywords.join(' '), weight: 3 },
    { text: a.abstract, weight: 1 },
  ]);
}

/** A demand's text: its title, problem and expected outcome — never the confidential part. */
export function demandVector(d: { title: string; problem: string; expectedOutcome: string }) {
  return termVector([
    { text: d.title, weight: 3 },
    { text: d.problem, weight: 1 },
    { text: d.expectedOutcome, weight: 1 },
  ]);
}
