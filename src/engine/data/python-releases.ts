/**
 * End of life of each CPython minor version (https://devguide.python.org/versions/, checked 2026-11-23).
 * A version past its date gets no more security fixes from the core team.
 */
export const PYTHON_EOL: Readonly<Record<string, string>> = {
  '2.7': '2020-01-01',
  '3.5': '2020-09-13',
  '3.6': '2021-12-23',
  '3.7': '2023-06-27',
  '3.8': '2024-10-07',
  '3.9': '2025-10-31',
  '3.10': '2026-10-31',
  '3.11': '2027-10-31',
  '3.12': '2028-10-31',
  '3.13': '2029-10-31',
  '3.14': '2030-10-31',
  '3.15': '2031-10-31',
};
