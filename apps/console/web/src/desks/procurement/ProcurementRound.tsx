import { Input, Space, Tabs, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useCaller } from '../../auth/session-context';
import { roundSectionsFor, type RoundSection } from '../../lib/menu';
import { ApprovalQueue } from './ApprovalQueue';
import { PurchaseOrdersSection } from './PurchaseOrdersSection';
import { QuotesSection } from './QuotesSection';
import { ReceiptSection } from './ReceiptSection';
import { ReplenishmentSection } from './ReplenishmentSection';
import { StatementSection } from './StatementSection';
import { StockSection } from './StockSection';
import { SurveySection } from './SurveySection';
import { useWeek } from './use-week';
import { VerificationSection } from './VerificationSection';

const SECTIONS: Record<RoundSection, (props: { week: string }) => React.JSX.Element | null> = {
  survey: SurveySection,
  quotes: QuotesSection,
  verification: VerificationSection,
  approval: ApprovalQueue,
  'purchase-orders': PurchaseOrdersSection,
  receipt: ReceiptSection,
  stock: StockSection,
  replenishment: ReplenishmentSection,
  statement: StatementSection,
};

/** The week's procurement round on one page, one tab per step the role takes part in. */
export default function ProcurementRound() {
  const { t } = useTranslation();
  const caller = useCaller();
  const [week, setWeek] = useWeek();
  const [params, setParams] = useSearchParams();
  const sections = roundSectionsFor(caller.role);
  const active = (params.get('tab') as RoundSection | null) ?? sections[0];
  return (
    <>
      <Space style={{ marginBottom: 16 }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('proc.round')}
        </Typography.Title>
        <Input
          data-testid="week"
          addonBefore={t('common.week')}
          defaultValue={week}
          style={{ width: 200 }}
          onPressEnter={(e) => setWeek(e.currentTarget.value.trim())}
        />
      </Space>
      <Tabs
        activeKey={active}
        onChange={(tab) =>
          setParams((p) => {
            p.set('tab', tab);
            return p;
          })
        }
        items={sections.map((s) => {
          const Section = SECTIONS[s];
          return { key: s, label: t(`proc.${s}`), children: <Section week={week} /> };
        })}
      />
    </>
  );
}
