import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { useTranslation } from 'react-i18next';
import { BrowserRouter, Navigate, Route, Routes } from 'react-router';
import { SessionProvider } from './auth/SessionProvider';
import { RequireSession } from './auth/RequireSession';
import { SignInPage } from './auth/SignInPage';
import { AftersalesDesk } from './desks/aftersales/AftersalesDesk';
import { ComplaintPage } from './desks/aftersales/ComplaintPage';
import { DispatchBoard } from './desks/dispatch/DispatchBoard';
import { MenuEditor } from './desks/kitchen/MenuEditor';
import { ProcurementRound } from './desks/procurement/ProcurementRound';
import { ConsoleLayout } from './layout/ConsoleLayout';
import { HomePage } from './layout/HomePage';

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
                    <Route path="procurement" element={<ProcurementRound />} />
                    <Route path="kitchen" element={<MenuEditor />} />
                    <Route path="dispatch" element={<DispatchBoard />} />
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
