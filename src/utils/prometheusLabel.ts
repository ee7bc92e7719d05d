const LABEL_NAME_PATTERN = /^[a-zA-Z_][a-zA-Z0-9_]*$/;

/** Returns why `name` cannot be a Prometheus label name, or undefined when it can. */
export function labelNameError(name: string): string | undefined {
  if (name === '') {
    return 'Enter a label name, for example "cluster" or "datacenter".';
  }
  if (!LABEL_NAME_PATTERN.test(name)) {
    return 'A Prometheus label name starts with a letter or "_" and contains only letters, digits and "_".';
  }
  if (name.startsWith('__')) {
    return 'Label names starting with "__" are reserved for Prometheus\' internal use; choose another.';
  }
  return undefined;
}
