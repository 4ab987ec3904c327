import { Navigate, Outlet, useLocation } from 'react-router';
import { useSession } from './session-context';

export function RequireSession() {
  const { session } = useSession();
  const location = useLocation();
  if (!session) return <Navigate to="/sign-in" replace state={{ from: location.pathname }} />;
  return <Outlet />;
}
