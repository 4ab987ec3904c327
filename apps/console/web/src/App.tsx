import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { lazy } from 'react';
import { useTranslation } from 'react-i18next';
import { BrowserRouter, Navigate, Route, Routes } from 'react-router';
import { SessionProvider } from './auth/SessionProvider';
import { RequireSession } from './auth/RequireSession';
import { SignInPage } from './auth/SignInPage';
import { ConsoleLayout } from './layout/ConsoleLayout';
import { HomePage } from './layout/HomePage';

// Each desk is its own chunk: a person downloads the desks of their role only.
const AftersalesDesk = lazy(() => import('./desks/aftersales/AftersalesDesk'));
const CanteenDesk = lazy(() => import('./desks/canteen/CanteenDesk'));
const ComplaintPage = lazy(() => import('./desks/aftersales/ComplaintPage'));
const DispatchBoard = lazy(() => import('./desks/dispatch/DispatchBoard'));
const DriverDesk = lazy(() => import('./desks/driver/DriverDesk'));
const MenuEditor = lazy(() => import('./desks/kitchen/MenuEditor'));
const ProcurementRound = lazy(() => import('./desks/procurement/ProcurementRound'));

const queryClient = new QueryClient({
  defaultOptions: { queries: { retry: 1, refetchOnWindowFocus: true, staleTime: 1000 } },
});

export function App() {
  const { i18n } = useTranslation();
  return (
    <ConfigProvider locale={i18n.language === 'en' ? enUS : zhCN}>
      <AntApp>
        <QueryClientProvider client={queryClient}>
          <SessionProvider>
            <BrowserRouter>
              <Routes>
                <Route path="/sign-in" element={<SignInPage />} />
                <Route element={<RequireSession />}>
                  <Route element={<ConsoleLayout />}>
                    <Route index element={<HomePage />} />
                    <Route path="canteen/*" element={<CanteenDesk />} />
                    <Route path="procurement" element={<ProcurementRound />} />
                    <Route path="kitchen" element={<MenuEditor />} />
                    <Route path="dispatch" element={<DispatchBoard />} />
                    <Route path="driver/*" element={<DriverDesk />} />
                    <Route path="aftersales" element={<AftersalesDesk />} />
                    <Route path="aftersales/complaints/:id" element={<ComplaintPage />} />
                  </Route>
                </Route>
                <Route path="*" element={<Navigate to="/" replace />} />
              </Routes>
            </BrowserRouter>
          </SessionProvider>
        </QueryClientProvider>
      </AntApp>
    </ConfigProvider>
  );
}
