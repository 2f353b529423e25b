/** Parsing and formatting numbers for people, in the plan's locale (pure; no DOM). */
export { parseNumberInput, type ParseNumberFailure, type ParseNumberOptions, type ParseNumberResult } from './parse-number.js';
export { NO_VALUE, formatNumber, type FormatLocale, type FormatNumberOptions, type NumberStyle } from './format-number.js';
export { FIGURE_STYLES, figureStyle, formatFigure, formatVariableValue, type FigureDisplay } from './format-figure.js';
