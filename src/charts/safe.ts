// The one safe-mode setting for running Vega: expressions are parsed to an AST and interpreted by vega-interpreter
// instead of compiled with `new Function`, so a strict Content-Security-Policy stays possible. Both the headless
// renderer (tests, CLI) and the app's chart drawing take it from here.
import { expressionInterpreter } from 'vega-interpreter';

export const SAFE_VEGA = { ast: true, expr: expressionInterpreter } as const;
