// Jest setup provided by Grafana scaffolding. It stubs browser APIs (canvas, matchMedia), so it
// only applies to jsdom suites; generators and engines are tested in the node environment.
if (typeof window !== 'undefined') {
  require('./.config/jest-setup');

  // findBy* and waitFor wait for a condition; their timeout only says when to give up and report it.
  // Testing Library's 1 s default turned that bound into a clock: the first render of a lazy page
  // compiles its module graph, which takes seconds on a machine whose cores are busy. A failure
  // still fails, only later.
  require('@testing-library/react').configure({ asyncUtilTimeout: 30_000 });

  // jsdom has no IntersectionObserver; Grafana's Select menus and Scenes' lazy panels need one.
  // Everything counts as visible, which is what a test wants to assert on.
  if (!('IntersectionObserver' in window)) {
    class IntersectionObserverStub {
      constructor(callback) {
        this.callback = callback;
      }
      observe(target) {
        this.callback([{ isIntersecting: true, target, intersectionRatio: 1 }], this);
      }
      unobserve() {}
      disconnect() {}
      takeRecords() {
        return [];
      }
    }
    window.IntersectionObserver = IntersectionObserverStub;
    global.IntersectionObserver = IntersectionObserverStub;
  }
}
