// The rule registry: an explicit list, in id order. Ids are never reused.
import type { AnyRule } from '../types.js';
import { consistentHeadingStyle } from './consistent-heading-style.js';
import { headingIncrement } from './heading-increment.js';
import { headingSyntax } from './heading-syntax.js';
import { headingTrailingPunctuation } from './heading-trailing-punctuation.js';
import { missingMetadata } from './missing-metadata.js';
import { noControlCharacter } from './no-control-character.js';
import { noDuplicateEntry } from './no-duplicate-entry.js';
import { noEmptyEntry } from './no-empty-entry.js';
import { noEmptySection } from './no-empty-section.js';
import { noEntryOutsideSection } from './no-entry-outside-section.js';
import { noMissingFile } from './no-missing-file.js';
import { noTodo } from './no-todo.js';
import { noUnclosedBlock } from './no-unclosed-block.js';
import { noUnreadEntries } from './no-unread-entries.js';
import { orgSpelling } from './org-spelling.js';
import { validDirective } from './valid-directive.js';
import { venueSpelling } from './venue-spelling.js';

export const rules: readonly AnyRule[] = [
  noEmptyEntry,
  noTodo,
  headingSyntax,
  headingTrailingPunctuation,
  missingMetadata,
  venueSpelling,
  orgSpelling,
  noDuplicateEntry,
  noMissingFile,
  noEntryOutsideSection,
  noEmptySection,
  headingIncrement,
  noUnclosedBlock,
  validDirective,
  noControlCharacter,
  consistentHeadingStyle,
  noUnreadEntries,
];
