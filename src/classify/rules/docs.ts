/**
 * Documents: LaTeX and other document builds.
 */
import { type Ecosystem, R } from './rule.js';

export const docs: Ecosystem = {
  name: 'Documents',
  file: 'docs',
  rules: [
    R(
      'build.latex',
      6,
      'build_error',
      /^! (?:LaTeX Error|Undefined control sequence|Missing|Emergency stop|Package \w+ Error)|^Latexmk: .*(?:error|failed)|LaTeX Error:/,
      ["! LaTeX Error: File `foo.sty' not found.", '! Undefined control sequence.'],
    ),
  ],
  tools: [],
};
