/** The action's outputs, in one place; each is declared with its description in action.yml. */
import type { Finding } from '../pipeline/analyze-log.js';

export const OUTPUT_NAMES = [
  'failure-type',
  'severity',
  'fingerprint',
  'root-cause-line',
  'confidence',
  'transient',
] as const;
export type OutputName = (typeof OUTPUT_NAMES)[number];

/** The output values of a finding, as the strings the runner stores. */
export function outputsOf(finding: Finding): Record<OutputName, string> {
  return {
    'failure-type': finding.failureType,
    severity: finding.severity,
    fingerprint: finding.fingerprint,
    'root-cause-line': finding.rootCauseLine === undefined ? '' : String(finding.rootCauseLine),
    confidence: String(Math.round(finding.confidence * 100) / 100),
    transient: String(finding.transient),
  };
}

export function publishOutputs(finding: Finding, setOutput: (name: string, value: string) => void): void {
  for (const [name, value] of Object.entries(outputsOf(finding))) setOutput(name, value);
}
