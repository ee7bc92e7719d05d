import React from 'react';
import { render, screen } from '@testing-library/react';
import type { ApplyResult, ApplySummary } from '../../../engine';
import { ApplyStep } from './ApplyStep';

// What apply reports for notifications only (engine/journeys.test.ts: "does not show the folder as created
// when no rule goes into it"): the result must not claim a folder that was neither created nor found.
const summary: ApplySummary = {
  folder: 'not-needed',
  groupsWritten: [],
  groupsDeleted: [],
  rulesCreated: 0,
  rulesUpdated: 0,
  rulesDeleted: 0,
  userChangedKept: [],
  userChangedOverwritten: [],
  notificationObjectsWritten: ['contact point "On-call Slack"', 'notification policy', 'mute timing'],
  dashboardsImported: [],
  appSettingsSaved: false,
};

function renderResult(folder: ApplySummary['folder']) {
  const result = { writes: 3, steps: [], summary: { ...summary, folder } } as unknown as ApplyResult;
  render(
    <ApplyStep applyState={{ status: 'done', progress: [], result }} onPlanAgain={jest.fn()} onChoose={jest.fn()} />
  );
  return screen.getByTestId('setup-result-folder');
}

describe('Apply result: the rules folder', () => {
  it('says the folder was not needed when no rule went into it, not that it was already there', () => {
    expect(renderResult('not-needed')).toHaveTextContent('Folder: not needed (no rules to write into it)');
  });

  it('says created when apply made it', () => {
    expect(renderResult('created')).toHaveTextContent('Folder: created');
  });
});
