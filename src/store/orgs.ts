// The organisation registry (data): canonical spellings of organisations a reading digest often names.
import { createNameRegistry, type NameRegistry, type VenueDefinition } from './venues.js';

export interface OrgDefinition extends VenueDefinition {
  /**
   * Short, informal or translated names (`Ali`, `MS`, `Cal`, `字节跳动`) that search reads as this
   * organisation. Lint leaves them alone: they are not spellings to fix towards or away from.
   */
  informal?: string[];
}

// NOTE: informal names are indexed as words: a generic word in one (`Research`, `University`, `AI`)
// would make every entry of that organisation match it, so they are left out where possible.
/**
 * Spellings as the organisations write them. Only another case or punctuation of one of these
 * (`google`, `Byte Dance`) is reported by lint; other names (`Ali`, `MS`, `UW`) are left alone.
 */
export const ORGS: readonly OrgDefinition[] = [
  { name: 'Google' },
  { name: 'Google Research' },
  { name: 'Google Brain' },
  { name: 'DeepMind', aliases: ['Google DeepMind'] },
  { name: 'Microsoft', informal: ['MS', 'MSR', 'MSFT', '微软'] },
  // NOTE: MSRA stays its own name (lint must not turn it into Microsoft); search finds it for `microsoft` through this.
  { name: 'MSRA', informal: ['Microsoft Research Asia', '微软亚洲研究院'] },
  { name: 'Meta' },
  { name: 'Facebook', informal: ['FB', 'FAIR'] },
  { name: 'Amazon' },
  { name: 'AWS' },
  { name: 'Apple' },
  { name: 'NVIDIA', informal: ['英伟达'] },
  { name: 'Intel' },
  { name: 'IBM' },
  { name: 'OpenAI' },
  { name: 'Anthropic' },
  { name: 'Baidu', informal: ['百度'] },
  { name: 'Alibaba', informal: ['Ali', 'DAMO', '阿里', '阿里巴巴'] },
  { name: 'Tencent', informal: ['腾讯'] },
  { name: 'ByteDance', informal: ['字节跳动'] },
  { name: 'Huawei', informal: ['华为'] },
  { name: 'JD', informal: ['京东'] },
  { name: 'Kuaishou', informal: ['快手'] },
  { name: 'Meituan', informal: ['美团'] },
  { name: 'SenseTime', informal: ['商汤'] },
  { name: 'Megvii', informal: ['旷视'] },
  { name: 'StepFun', informal: ['阶跃星辰'] },
  { name: 'CMU', informal: ['Carnegie Mellon'] },
  { name: 'MIT' },
  { name: 'Stanford' },
  { name: 'UC Berkeley', informal: ['Berkeley', 'Cal', 'UCB'] },
  { name: 'Tsinghua', informal: ['THU', '清华', '清华大学'] },
  { name: 'PKU', informal: ['北大', '北京大学'] },
];

export type OrgRegistry = NameRegistry;

/**
 * Config spellings come first, so a digest can choose its own canonical spelling of a built-in name.
 * With `informal`, the built-in informal names count as aliases (for search; lint uses the registry without).
 */
export function createOrgRegistry(extra: readonly VenueDefinition[] = [], options: { informal?: boolean } = {}): OrgRegistry {
  const builtIn = options.informal ? ORGS.map((o) => ({ name: o.name, aliases: [...(o.aliases ?? []), ...(o.informal ?? [])] })) : ORGS;
  return createNameRegistry([...extra, ...builtIn], { fuzzy: false });
}
