/** spdx-expression-parse ships no types: it exports one function that throws on an invalid expression. */
declare module 'spdx-expression-parse' {
  export interface LicenseInfo { license: string; plus?: true; exception?: string }
  export interface ConjunctionInfo { conjunction: 'and' | 'or'; left: LicenseInfo | ConjunctionInfo; right: LicenseInfo | ConjunctionInfo }
  export default function parse(source: string): LicenseInfo | ConjunctionInfo;
}
