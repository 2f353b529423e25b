export * from './types.js';
export * from './price-chain.js';
export * from './model.js';
export * from './monthly.js';
export * from './funnel.js';
export * from './dealers.js';
export * from './abc.js';
