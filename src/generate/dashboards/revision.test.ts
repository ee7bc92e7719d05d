import { withRevision } from './revision';

describe('dashboard revision', () => {
  it('starts new dashboards at 1, keeps it while nothing changes, and bumps it on any change', () => {
    const first = withRevision({ title: 'Node', panels: [{ id: 1 }] }, undefined);
    expect(first.revision).toBe(1);

    const regenerated = withRevision({ title: 'Node', panels: [{ id: 1 }] }, first);
    expect(regenerated.revision).toBe(1);

    const changed = withRevision({ title: 'Node', panels: [{ id: 1 }, { id: 2 }] }, regenerated);
    expect(changed.revision).toBe(2);

    const changedAgain = withRevision({ title: 'Node exporter', panels: [{ id: 1 }, { id: 2 }] }, changed);
    expect(changedAgain.revision).toBe(3);
  });
});
