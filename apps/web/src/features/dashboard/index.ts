// The dashboard's public entry: the pages the app routes to.
export { DashboardPage } from './components/dashboard-page';
export { ProjectPage } from './components/project-page';
