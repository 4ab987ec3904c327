import { Card, Input, Space, Tabs, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Navigate, Route, Routes, useLocation, useNavigate } from 'react-router';
import { useWeek } from '../procurement/use-week';
import { ComplaintsPage } from './ComplaintsPage';
import { OrderForm } from './OrderForm';
import { OrdersTable } from './OrdersTable';
import { StatementPage } from './StatementPage';
import { SurveyPage } from './SurveyPage';

const TABS = ['order', 'orders', 'statement', 'complaints', 'survey'] as const;

function OrderPage() {
  const { t } = useTranslation();
  const [week, setWeek] = useWeek();
  return (
    <Card
      size="small"
      title={
        <Space>
          {t('canteen.place')}
          <Input
            addonBefore={t('common.week')}
            defaultValue={week}
            style={{ width: 200 }}
            aria-label={t('common.week')}
            onPressEnter={(e) => setWeek(e.currentTarget.value.trim())}
          />
        </Space>
      }
    >
      <OrderForm week={week} key={week} />
    </Card>
  );
}

/** 营业点门户: order, follow one's orders and deliveries, the statement, complaints, surveys. */
export default function CanteenDesk() {
  const { t } = useTranslation();
  const location = useLocation();
  const navigate = useNavigate();
  const tab = location.pathname.split('/')[2] || 'order';
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('portal.title')}
      </Typography.Title>
      <Tabs
        activeKey={tab}
        onChange={(key) => void navigate(`/canteen/${key}${location.search}`)}
        items={TABS.map((key) => ({ key, label: t(`portal.tab.${key}`) }))}
      />
      <Routes>
        <Route index element={<Navigate to={`order${location.search}`} replace />} />
        <Route path="order" element={<OrderPage />} />
        <Route path="orders" element={<OrdersTable />} />
        <Route path="statement" element={<StatementPage />} />
        <Route path="complaints" element={<ComplaintsPage />} />
        <Route path="survey" element={<SurveyPage />} />
        <Route path="*" element={<Navigate to="order" replace />} />
      </Routes>
    </Space>
  );
}
