// The clinic settings a browser test runs with, named by the test (static-server.mjs serves them as
// settings.json; webCopy() writes them into its copy). The shipped web/settings.json offers only what
// content/review.json records as clinically reviewed: today the clinician wording in English. A test
// of the patient wording or of Spanish therefore runs either as a clinic that has signed them off
// (SIGNED_OFF) or as a demonstration (DEMO), and says which; never on the shipped file by accident.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** web/settings.json as shipped. */
export const SHIPPED = Object.freeze(JSON.parse(readFileSync(path.join(repoRoot, 'web/settings.json'), 'utf8')));
/** A clinic that has signed off the patient wording and both languages itself (docs/deployment.md). */
export const SIGNED_OFF = Object.freeze({ ...SHIPPED, patientWording: true, languages: ['en', 'es'] });
/** A demonstration: everything on, every output marked "not clinically reviewed" (scripts/serve.sh --demo). */
export const DEMO = Object.freeze({ demo: true });
