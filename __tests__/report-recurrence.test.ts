/**
 * What the Jira and Slack renderers share of a failure's history (src/report/recurrence.ts): whether it is
 * worth telling, the first run's label and day, and the pull request list.
 */
import { describe, expect, it } from 'vitest';
import type { Recurrence } from '../src/history/analysis.js';
import { dayOf, firstRunLabel, pullRequestsText, recurrenceToShow } from '../src/report/recurrence.js';
import type { TriageReport } from '../src/report/types.js';

function recurrence(over: Partial<Recurrence> = {}): Recurrence {
  return {
    fingerprint: 'fp1',
    occurrences: 3,
    firstSeen: { time: '2026-04-20T10:00:00Z', runId: 77, runUrl: 'https://github.com/o/r/actions/runs/77' },
    branches: ['main'],
    prs: [],
    recurring: true,
    escalate: false,
    escalatedBefore: false,
    flaky: false,
    evidence: [],
    generic: false,
    ...over,
  };
}

const reportWith = (r: Recurrence | undefined): TriageReport =>
  ({
    history: r ? { recurrences: { [r.fingerprint]: r }, windowDays: 30, threshold: 3 } : undefined,
  }) as unknown as TriageReport;

describe('recurrenceToShow', () => {
  it('tells a failure seen in earlier runs, with the window and threshold', () => {
    expect(recurrenceToShow(reportWith(recurrence()), 'fp1')).toEqual({
      recurrence: recurrence(),
      windowDays: 30,
      threshold: 3,
    });
  });

  it('tells a flaky failure seen once', () => {
    expect(recurrenceToShow(reportWith(recurrence({ occurrences: 1, flaky: true })), 'fp1')).toBeDefined();
  });

  it('says nothing of a first occurrence, a generic failure, an unknown fingerprint or no history', () => {
    expect(recurrenceToShow(reportWith(recurrence({ occurrences: 1 })), 'fp1')).toBeUndefined();
    expect(recurrenceToShow(reportWith(recurrence({ generic: true })), 'fp1')).toBeUndefined();
    expect(recurrenceToShow(reportWith(recurrence()), 'other')).toBeUndefined();
    expect(recurrenceToShow(reportWith(undefined), 'fp1')).toBeUndefined();
  });
});

describe('first run and pull requests', () => {
  it('labels the first run by number when known, else by id', () => {
    expect(firstRunLabel({ time: '', runId: 77, runUrl: '', runNumber: 12 })).toBe('run #12');
    expect(firstRunLabel({ time: '', runId: 77, runUrl: '' })).toBe('run 77');
  });

  it('takes the day of an ISO time, and nothing of another text', () => {
    expect(dayOf('2026-04-20T10:00:00Z')).toBe('2026-04-20');
    expect(dayOf('yesterday')).toBe('');
  });

  it('lists up to 8 pull requests, counts the rest, and drops numbers no pull request has', () => {
    expect(pullRequestsText([])).toBe('');
    expect(pullRequestsText([0, -3, 1.5, Number.NaN])).toBe('');
    expect(pullRequestsText([7])).toBe('; pull request #7');
    expect(pullRequestsText([1, 2, 3, 4, 5, 6, 7, 8, 9, 10])).toBe(
      '; pull requests #1, #2, #3, #4, #5, #6, #7, #8 and 2 more',
    );
  });
});
