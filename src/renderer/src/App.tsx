import { AppShell } from './app/AppShell';

export const App = () => <AppShell />;
