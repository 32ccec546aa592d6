// The account's public entry: the page the app routes to.
export { AccountPage } from './components/account-page';
