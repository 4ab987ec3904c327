import { Button, Card, Form, Input, InputNumber, Space } from 'antd';
import { useTranslation } from 'react-i18next';

/** Dishes with price per portion and recipe (R-MENU-2: the bill of materials). */
export function DishesEditor() {
  const { t } = useTranslation();
  return (
    <Form.List name="dishes">
      {(dishes, { add, remove }) => (
        <Space orientation="vertical" style={{ width: '100%' }}>
          {dishes.map(({ key, name }) => (
            <Card
              key={key}
              size="small"
              data-testid="dish"
              extra={<Button onClick={() => remove(name)}>{t('common.remove')}</Button>}
            >
              <Space wrap align="baseline">
                <Form.Item
                  name={[name, 'dishId']}
                  label={t('kitchen.dishId')}
                  rules={[{ required: true }]}
                >
                  <Input aria-label={t('kitchen.dishId')} />
                </Form.Item>
                <Form.Item
                  name={[name, 'name']}
                  label={t('kitchen.name')}
                  rules={[{ required: true }]}
                >
                  <Input aria-label={t('kitchen.name')} />
                </Form.Item>
                <Form.Item
                  name={[name, 'pricePerPortion']}
                  label={t('kitchen.pricePerPortion')}
                  rules={[{ required: true }]}
                >
                  <Input aria-label={t('kitchen.pricePerPortion')} style={{ width: 100 }} />
                </Form.Item>
              </Space>
              <Form.List name={[name, 'recipe']}>
                {(lines, recipe) => (
                  <div>
                    {t('kitchen.recipe')}
                    {lines.map((line) => (
                      <Space key={line.key} align="baseline" style={{ marginLeft: 12 }}>
                        <Form.Item name={[line.name, 'sku']} rules={[{ required: true }]}>
                          <Input placeholder="SKU" aria-label="SKU" style={{ width: 130 }} />
                        </Form.Item>
                        <Form.Item
                          name={[line.name, 'quantityPerPortion']}
                          rules={[{ required: true }]}
                        >
                          <InputNumber min={1} aria-label="per portion" />
                        </Form.Item>
                        <Button size="small" onClick={() => recipe.remove(line.name)}>
                          −
                        </Button>
                      </Space>
                    ))}
                    <Button
                      size="small"
                      style={{ marginLeft: 12 }}
                      onClick={() => recipe.add({ quantityPerPortion: 100 })}
                    >
                      + SKU
                    </Button>
                  </div>
                )}
              </Form.List>
            </Card>
          ))}
          <Button onClick={() => add({ recipe: [] })} data-testid="add-dish">
            {t('common.add')} {t('kitchen.dishes')}
          </Button>
        </Space>
      )}
    </Form.List>
  );
}
