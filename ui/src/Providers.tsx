import { MantineProvider } from '@mantine/core';
import { DatesProvider } from '@mantine/dates';
import { Notifications } from '@mantine/notifications';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import 'dayjs/locale/uk';
import 'dayjs/locale/ru';
import 'dayjs/locale/en-gb';
import { theme } from './theme';

export function makeQueryClient() {
  return new QueryClient({
    defaultOptions: {
      // Local calls are cheap and the shell pushes change events; retrying a refusal from the
      // domain would only repeat it.
      queries: { retry: false, refetchOnWindowFocus: false, staleTime: 5_000 },
      mutations: { retry: false },
    },
  });
}

export function Providers({ children, client }: { children: ReactNode; client?: QueryClient }) {
  const [queryClient] = useState(() => client ?? makeQueryClient());
  const { i18n } = useTranslation();
  const dayjsLocale = i18n.language === 'en' ? 'en-gb' : i18n.language;
  return (
    <QueryClientProvider client={queryClient}>
      <MantineProvider theme={theme} defaultColorScheme="auto">
        <DatesProvider settings={{ locale: dayjsLocale, firstDayOfWeek: 1 }}>
          <Notifications position="bottom-right" />
          {children}
        </DatesProvider>
      </MantineProvider>
    </QueryClientProvider>
  );
}
