/** The Etherpad codec: read, check, convert and write `.etherpad` files (pure, no Node, no DOM). */

export * from './attributePool.js';
export * from './changeset.js';
export * from './atext.js';
export * from './problems.js';
export * from './etherpadFile.js';
export * from './checkEtherpadFile.js';
export * from './lines.js';
export * from './exportTxt.js';
export * from './exportHtml.js';
export * from './authorId.js';
export * from './buildEtherpadFile.js';
