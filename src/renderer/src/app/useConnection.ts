import { useSyncExternalStore } from 'react';
import { type ConnectionState, getConnectionState, onConnectionChange } from '../api/client';

export const useConnection = (): ConnectionState =>
  useSyncExternalStore(onConnectionChange, getConnectionState);
