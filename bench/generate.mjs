#!/usr/bin/env node
// Generates a realistic digest, deterministic from a seed: the shipped digest's mix of English titles,
// Chinese notes, nested bullets, numbered lists, code fences with `#` lines, tables, quotes, links,
// stubs, TODOs and every heading variant (aliases, spaces, trailing colons, no venue, 4-digit years,
// several orgs, mis-cased and misspelled venues).
//
//   node bench/generate.mjs <entries> [seed] > digest.md
import { pathToFileURL } from 'node:url';

/** mulberry32: a small, fast, seedable PRNG. */
function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = (
  'Efficient Scalable Neural Retrieval Transformer Attention Graph Sparse Dense Learning Training Inference ' +
  'Compiler Tensor Programs Search Recommendation Ranking Embedding Memory Quantization Pruning Distillation ' +
  'Language Models Vision Text Recognition Detection Document Layout Understanding Serving Systems Hardware ' +
  'Adaptive Dynamic Shape Mixed Precision Kernel Fusion Scheduling Pipeline Parallel Distributed Federated ' +
  'Contrastive Generative Diffusion Reinforcement Policy Optimization Index Hashing Clustering Benchmark'
).split(' ');
const NAMES = 'Möbius DeepFM Ansor Relax Ladder Welder Nougat Donut LayoutLM ColBERT FlashAttention vLLM Orca Megatron ZeRO'.split(' ');
const SECTIONS = ['信息检索、搜索', '推荐系统', '系统、编译器设计、优化', '模型优化', 'OCR 文字识别', 'Large Language Models', '图神经网络', 'Databases'];
const VENUES = ["NIPS", 'NeurIPS', 'ICML', 'ICLR', 'KDD', 'SIGIR', 'WWW', 'OSDI', 'SOSP', 'ATC', 'ASPLOS', 'MLSys', 'ACL', 'EMNLP', 'NAACL', 'CVPR', 'ICCV', 'AAAI', 'IJCAI', 'arXiv', 'Arxiv', 'arxiv', 'Arivx', 'SC', 'DLRS'];
const ORGS = ['Google', 'google', 'Facebook', 'Meta', 'MSRA', 'Microsoft', 'Baidu', 'Ali', 'ByteDance', 'Huawei', 'UW', 'CMU', 'UC Berkeley', 'Stanford', 'MIT', 'Tsinghua', 'BJTU', 'StepFun', 'AWS', 'NVIDIA'];
const ZH = (
  '提出了一种 端到端的 基于Transformer的 信息检索 架构 主要针对 原始模型中 没有考虑 权重不同的 问题 使用了 ' +
  '混合精度 量化 动态形状 算子融合 内存访问 调度方法 搜索空间 代价模型 进行迭代微调 实验验证了 在多个公开数据集上 ' +
  '同等算力下 召回率 明显提升 缺点是 吞吐较低 需要重训练 稀疏特征 稠密特征 特征工程 注意力机制 对比学习 预训练模型 ' +
  '解码器 编码器 知识蒸馏 模型裁剪 流水线并行 张量并行 数据并行 显存占用 推理延迟 训练吞吐'
).split(' ');

export function generateDigest(entries, seed = 1) {
  const r = rng(seed);
  const pick = (list) => list[Math.floor(r() * list.length)];
  const chance = (p) => r() < p;
  const zh = (n) => Array.from({ length: n }, () => pick(ZH)).join('');
  const mixed = () => `${zh(2 + Math.floor(r() * 4))}${pick(WORDS)}${zh(1 + Math.floor(r() * 3))}，${zh(2 + Math.floor(r() * 5))}`;
  const out = ['# 每周论文合集', '', ''];
  const perSection = Math.max(1, Math.ceil(entries / (SECTIONS.length * Math.max(1, Math.ceil(entries / 400)))));
  let n = 0;
  let s = 0;
  while (n < entries) {
    out.push(`## ${SECTIONS[s % SECTIONS.length]}${s >= SECTIONS.length ? ` ${Math.floor(s / SECTIONS.length) + 1}` : ''}`, '');
    s++;
    for (let k = 0; k < perSection && n < entries; k++, n++) {
      const words = Array.from({ length: 3 + Math.floor(r() * 6) }, () => pick(WORDS)).join(' ');
      let title = chance(0.4) ? `${pick(NAMES)}${n}: ${words}` : `${words} ${n}`;
      if (chance(0.05)) title += ' & Beyond';
      let heading = title;
      if (chance(0.2)) heading += `${chance(0.3) ? ' ' : ''}(${pick(NAMES).toUpperCase().slice(0, 4)}${n})`;
      const stub = chance(0.04);
      if (chance(0.9)) {
        const year = chance(0.1) ? String(2010 + Math.floor(r() * 15)) : String(10 + Math.floor(r() * 15));
        heading += `${chance(0.1) ? ' ' : ''}[${pick(VENUES)}'${year}]`;
        if (chance(0.85)) heading += `${chance(0.1) ? ' ' : ''}[${chance(0.15) ? `${pick(ORGS)},${pick(ORGS)}` : pick(ORGS)}]`;
      }
      if (chance(0.02)) heading += ': ';
      out.push(`### ${heading}`);
      if (stub) {
        out.push('', '');
        continue;
      }
      const bullets = 2 + Math.floor(r() * 5);
      for (let b = 0; b < bullets; b++) {
        out.push(`- ${mixed()}${chance(0.03) ? `（// TODO ${zh(3)}）` : ''}${chance(0.01) ? ' 待补充' : ''}`);
        if (chance(0.2)) out.push(`  - ${mixed()}`);
        if (chance(0.05)) out.push(`    - ${zh(4)}`);
      }
      if (chance(0.08)) out.push(`1. ${mixed()}`, `2. ${mixed()}`);
      if (chance(0.05)) out.push('', '```python', '# not a heading', `### ${pick(WORDS)} inside a fence`, 'x = 1', '```');
      if (chance(0.03)) out.push('', '| 模型 | 指标 |', '|---|---|', `| ${pick(NAMES)} | ${Math.floor(r() * 100)} |`);
      if (chance(0.03)) out.push('', `> ${mixed()}`);
      if (chance(0.06)) out.push(`- 见 [${pick(NAMES)}](https://arxiv.org/abs/${2000 + Math.floor(r() * 999)}.${10000 + n})`);
      if (chance(0.02)) out.push(`- 笔记 [local](${pick(NAMES)}_${n}.md)`);
      if (chance(0.02)) out.push(`- https://github.com/example/${pick(NAMES).toLowerCase()}`);
      out.push('');
      if (chance(0.3)) out.push('');
    }
  }
  return out.join('\n');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const entries = Number(process.argv[2] ?? 1000);
  const seed = Number(process.argv[3] ?? 1);
  if (!Number.isInteger(entries) || entries < 1) {
    process.stderr.write('usage: node bench/generate.mjs <entries> [seed] > digest.md\n');
    process.exit(2);
  }
  process.stdout.write(generateDigest(entries, seed));
}
