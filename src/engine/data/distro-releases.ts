/**
 * Debian and Ubuntu releases as they appear in image tags.
 * `eol` is the day the release stops getting security updates of any kind: for Debian the end of
 * LTS (https://wiki.debian.org/LTS), for Ubuntu the end of standard support (https://ubuntu.com/about/release-cycle).
 * Checked 2026-11-23.
 */
export interface DistroRelease {
  distro: 'debian' | 'ubuntu';
  codename: string;
  version: string;
  released: string;
  eol: string;
}

export const DISTRO_RELEASES: readonly DistroRelease[] = [
  { distro: 'debian', codename: 'wheezy', version: '7', released: '2013-05-04', eol: '2018-05-31' },
  { distro: 'debian', codename: 'jessie', version: '8', released: '2015-04-26', eol: '2020-06-30' },
  { distro: 'debian', codename: 'stretch', version: '9', released: '2017-06-17', eol: '2022-06-30' },
  { distro: 'debian', codename: 'buster', version: '10', released: '2019-07-06', eol: '2024-06-30' },
  { distro: 'debian', codename: 'bullseye', version: '11', released: '2021-08-14', eol: '2026-08-31' },
  { distro: 'debian', codename: 'bookworm', version: '12', released: '2023-06-10', eol: '2028-06-30' },
  { distro: 'debian', codename: 'trixie', version: '13', released: '2025-08-09', eol: '2030-06-30' },
  { distro: 'debian', codename: 'forky', version: '14', released: '2027-06-01', eol: '2032-06-30' },
  { distro: 'ubuntu', codename: 'xenial', version: '16.04', released: '2016-04-21', eol: '2021-04-30' },
  { distro: 'ubuntu', codename: 'bionic', version: '18.04', released: '2018-04-26', eol: '2023-05-31' },
  { distro: 'ubuntu', codename: 'focal', version: '20.04', released: '2020-04-23', eol: '2025-05-31' },
  { distro: 'ubuntu', codename: 'jammy', version: '22.04', released: '2022-04-21', eol: '2027-06-01' },
  { distro: 'ubuntu', codename: 'mantic', version: '23.10', released: '2023-10-12', eol: '2024-07-11' },
  { distro: 'ubuntu', codename: 'noble', version: '24.04', released: '2024-04-25', eol: '2029-05-31' },
  { distro: 'ubuntu', codename: 'oracular', version: '24.10', released: '2024-10-10', eol: '2025-07-10' },
  { distro: 'ubuntu', codename: 'plucky', version: '25.04', released: '2025-04-17', eol: '2026-01-15' },
  { distro: 'ubuntu', codename: 'questing', version: '25.10', released: '2025-10-09', eol: '2026-07-09' },
  { distro: 'ubuntu', codename: 'resolute', version: '26.04', released: '2026-04-23', eol: '2031-05-31' },
];

/**
 * The Debian release that the official `python:<version>` and `python:<version>-slim` tags
 * (no codename) pointed to, by date (docker-library/python). The switch to trixie happened
 * around 2025-08-14; to bookworm around 2023-06-13; to bullseye around 2021-08-17.
 */
export const PYTHON_DEFAULT_DEBIAN: readonly { since: string; codename: string }[] = [
  { since: '2019-07-08', codename: 'buster' },
  { since: '2021-08-17', codename: 'bullseye' },
  { since: '2023-06-13', codename: 'bookworm' },
  { since: '2025-08-14', codename: 'trixie' },
];
