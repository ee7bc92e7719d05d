// Jest setup provided by Grafana scaffolding. It stubs browser APIs (canvas, matchMedia), so it
// only applies to jsdom suites; generators and engines are tested in the node environment.
if (typeof window !== 'undefined') {
  require('./.config/jest-setup');

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
