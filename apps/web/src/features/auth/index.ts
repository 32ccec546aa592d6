// Sign-in's public entry: who is signed in, the sign-in page, the header menu and sessions.
export { useMe } from './api/use-auth';
export { SessionsPanel } from './components/sessions-panel';
export { SignInPage } from './components/sign-in-page';
export { UserMenu } from './components/user-menu';
