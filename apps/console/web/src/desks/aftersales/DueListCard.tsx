import { useQuery } from '@tanstack/react-query';
import { Card, List, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { aftersalesApi } from '../../api/aftersales';

/** R-AS-18: the day's due list first: follow-ups due, response times missed or due today, open points. */
export function DueListCard() {
  const { t } = useTranslation();
  const due = useQuery({
    queryKey: ['due-list'],
    queryFn: aftersalesApi.dueList,
    refetchInterval: 5000,
  });
  const d = due.data;
  const items = [
    ...(d?.complaints ?? []).map((c) => ({
      key: `c-${c.id}`,
      node: (
        <Link to={`/aftersales/complaints/${encodeURIComponent(c.id)}`}>
          {t('as.complaint')} {c.id} · {c.canteenId} · {c.status}{' '}
          {c.breached.map((b) => (
            <Tag key={b} color="red">
              {b}
            </Tag>
          ))}
          {c.dueToday.map((b) => (
            <Tag key={b} color="orange">
              {b}
            </Tag>
          ))}
          {c.specialCase && <Tag color="magenta">special</Tag>}
        </Link>
      ),
    })),
    ...(d?.followUps ?? []).map((f) => ({
      key: `f-${f.id}`,
      node: (
        <span>
          {t('as.followUps')} {f.kind} · {f.canteenId}{' '}
          <Tag color={f.state === 'overdue' ? 'red' : 'blue'}>{t(`status.${f.state}`)}</Tag>
        </span>
      ),
    })),
    ...(d?.openPoints ?? []).map((p) => ({
      key: `p-${p.followUpId}-${p.pointId}`,
      node: (
        <span>
          {p.text} · {p.next} {p.late && <Tag color="red">late</Tag>}
        </span>
      ),
    })),
  ];
  return (
    <Card size="small" title={`${t('as.due')} ${d?.date ?? ''}`} data-testid="due-list">
      <List
        size="small"
        dataSource={items}
        renderItem={(i) => <List.Item key={i.key}>{i.node}</List.Item>}
        pagination={{ pageSize: 8, size: 'small' }}
      />
    </Card>
  );
}
