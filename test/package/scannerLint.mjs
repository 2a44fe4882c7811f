// Runs the lint legs of n8n's community package scanner (@n8n/scan-community-package), with its
// own ESLint configuration and file patterns, over a source folder and an unpacked tarball.
// Its provenance and download steps need the published package, so they are not run here.
//   node test/package/scannerLint.mjs <source folder> <unpacked package folder>
// Prints {"source": {...}, "dist": {...}}, each the scanner's own verdict.
import { analyzePackage, SOURCE_FILE_PATTERNS } from '@n8n/scan-community-package/scanner/scanner.mjs';

const [sourceDir, packageDir] = process.argv.slice(2);
// The same patterns the scanner uses for the attested source and for the tarball.
const source = await analyzePackage(sourceDir, SOURCE_FILE_PATTERNS);
const dist = await analyzePackage(packageDir, ['**/*.js', 'package.json']);
const verdict = ({ passed, message, details }) => ({ passed, message, details });
process.stdout.write(JSON.stringify({ source: verdict(source), dist: verdict(dist) }) + '\n');
