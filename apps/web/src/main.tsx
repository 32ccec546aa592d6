// Must run before any module that parses with zod: see the module. Bundled chunks evaluate
// before the module that imports them, so the app is imported only after it.
import './lib/zod-config';

void import('./bootstrap').then(({ renderApp }) => renderApp());
