import { compileJobRegex, loadJobRegexEngine } from './filters';

// RE2 is a lazy chunk of the datasource (its own file, so no other test has loaded it yet).
it('compiling a job filter before RE2 is loaded says so, instead of matching with another engine', async () => {
  expect(() => compileJobRegex('node')).toThrow(/await loadJobRegexEngine/);
  expect(compileJobRegex('')).toBeUndefined();
  await loadJobRegexEngine('');
  expect(() => compileJobRegex('node')).toThrow(/await loadJobRegexEngine/);
  await loadJobRegexEngine('node');
  expect(compileJobRegex('node')!.test('node')).toBe(true);
});
