// A safety hazard jumps the queue: URGENT, and the requester hears that we know.
const HAZARDS = ['safety', 'seguridad', 'peligro', 'danger', 'gas', 'smoke', 'humo', 'electrocution'];

function rule(input) {
  const order = input.order;
  const cf = order.customFields;
  const text = [order.title, order.description, cf.safetyRisk].filter(Boolean).join(' ');
  if (!keywords.any(text, HAZARDS) || order.priority === 'URGENT') return [];
  return [
    { type: 'priority', priority: 'URGENT' },
    { type: 'comment', visibility: 'public',
      body: 'Safety hazard reported: this order is urgent and a technician will contact you shortly.' },
  ];
}
