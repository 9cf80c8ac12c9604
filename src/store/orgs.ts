// The organisation registry (data): canonical spellings of organisations a reading digest often names.
import { createNameRegistry, type NameRegistry, type VenueDefinition } from './venues.js';

/**
 * Spellings as the organisations write them. Only another case or punctuation of one of these
 * (`google`, `Byte Dance`) is reported; other names (`Ali`, `MS`, `UW`) are left alone.
 */
export const ORGS: readonly VenueDefinition[] = [
  { name: 'Google' },
  { name: 'Google Research' },
  { name: 'Google Brain' },
  { name: 'DeepMind', aliases: ['Google DeepMind'] },
  { name: 'Microsoft' },
  { name: 'MSRA' },
  { name: 'Meta' },
  { name: 'Facebook' },
  { name: 'Amazon' },
  { name: 'AWS' },
  { name: 'Apple' },
  { name: 'NVIDIA' },
  { name: 'Intel' },
  { name: 'IBM' },
  { name: 'OpenAI' },
  { name: 'Anthropic' },
  { name: 'Baidu' },
  { name: 'Alibaba' },
  { name: 'Tencent' },
  { name: 'ByteDance' },
  { name: 'Huawei' },
  { name: 'JD' },
  { name: 'Kuaishou' },
  { name: 'Meituan' },
  { name: 'SenseTime' },
  { name: 'Megvii' },
  { name: 'StepFun' },
  { name: 'CMU' },
  { name: 'MIT' },
  { name: 'Stanford' },
  { name: 'UC Berkeley' },
  { name: 'Tsinghua' },
  { name: 'PKU' },
];

export type OrgRegistry = NameRegistry;

/** Config spellings come first, so a digest can choose its own canonical spelling of a built-in name. */
export function createOrgRegistry(extra: readonly VenueDefinition[] = []): OrgRegistry {
  return createNameRegistry([...extra, ...ORGS], { fuzzy: false });
}
