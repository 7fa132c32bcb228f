import { useExtensionActions, useExtensionContext } from '@hubspot/ui-extensions';
import { useCallback } from 'react';

/** The app home's extension context (the route components get no props from the page router). */
export const useHomeContext = () => useExtensionContext<'pages'>();

/** Goes to another page of the app home, as a link would (HubSpot's navigateToPage action). */
export function useNavigateTo(): (path: string) => void {
  const { navigateToPage } = useExtensionActions<'pages'>();
  return useCallback((path: string) => navigateToPage({ to: path }), [navigateToPage]);
}
