const { src, dest } = require('gulp');

// tsc compiles the TypeScript; the icons and the codex file sit beside the node and must be copied.
function buildIcons() {
	return src(['nodes/**/*.{png,svg,json}', 'credentials/**/*.{png,svg}'], { base: '.', encoding: false }).pipe(
		dest('dist'),
	);
}

exports['build:icons'] = buildIcons;
