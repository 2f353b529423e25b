export * from './errors.js';
export { checkExpression, isFormulaError, type CheckedExpression, type Ir } from './expression.js';
export { compileIr, type Compiled, type Slots } from './compile.js';
export { FORMULA_FUNCTION_NAMES, isFormulaFunction } from './functions.js';
export { MAX_EXPRESSION_DEPTH, MAX_EXPRESSION_LENGTH } from './limits.js';
export { FormulaEngine, type Change, type ExternalGroup, type VariableDefinition } from './engine.js';
export { stronglyConnected } from './scc.js';
