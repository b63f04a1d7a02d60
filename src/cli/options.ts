import { Option } from 'commander';

/** `--format table|json|csv`, the same on every command that prints figures. */
export const formatOption = () =>
  new Option('--format <format>', 'output format')
    .choices(['table', 'json', 'csv'])
    .default('table');
