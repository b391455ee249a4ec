// Types of scripts/release.mjs, for the tests that import it.
export declare const ROOT: string;
export declare function repository(manifest?: { repository?: string | { url?: string } }): string;
export declare function parseVersion(v: string): { major: number; prerelease: boolean } | undefined;
export declare function changelogSection(
  text: string,
  version: string,
): { error: string; date?: undefined; body?: undefined } | { error?: undefined; date: string; body: string };
export declare function bundledPackages(dist?: string, filter?: (file: string) => boolean): string[];
export declare function licensedPackages(text: string, candidates: string[]): string[];
export interface CheckResult {
  name: string;
  ok: boolean;
  detail: string;
}
export declare function checks(options?: { version?: string; build?: boolean; tagAtHead?: boolean }): {
  version: string;
  major: number | undefined;
  prerelease: boolean;
  results: CheckResult[];
};
