// The system's colour scheme as React state: what the graph's own colours (greyed-out marks) follow.
import { useSyncExternalStore } from 'react';
import { colorScheme, onSchemeChange } from '../render/theme.ts';
import type { ColorScheme } from '../view/palette.ts';

export function useColorScheme(): ColorScheme {
  return useSyncExternalStore(onSchemeChange, colorScheme, () => 'light');
}
